namespace OctoLite.Server.Email;

/// <summary>One email to send: recipients as bare addresses (<c>ops@example.com</c>), a subject and a body.</summary>
internal sealed record EmailMessage
{
    public IReadOnlyList<string> To { get; init; } = [];
    public IReadOnlyList<string> Cc { get; init; } = [];
    /// <summary>Any text; line breaks become spaces, non-ASCII is sent as RFC 2047 encoded words.</summary>
    public string Subject { get; init; } = "";
    /// <summary>Plain text (or HTML when <see cref="IsHtml"/>); sent as UTF-8, quoted-printable.</summary>
    public string Body { get; init; } = "";
    public bool IsHtml { get; init; }
}
