namespace OctoLite.Server.Email;

/// <summary>The body of <c>POST /api/configuration/smtp/test</c>: where to send the test message.</summary>
internal sealed record SmtpTestRequest
{
    public required string To { get; init; }
}
