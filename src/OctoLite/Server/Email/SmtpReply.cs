namespace OctoLite.Server.Email;

/// <summary>One (possibly multi-line) SMTP reply: its three-digit code and its text lines.</summary>
internal sealed record SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    public bool IsPositive => Code is >= 200 and < 400;

    /// <summary>The reply as messages quote it: <c>550 5.1.1 no such user</c>, lines joined by spaces.</summary>
    public override string ToString() => $"{Code} {string.Join(" ", Lines.Where(l => l.Length > 0))}".TrimEnd();
}
