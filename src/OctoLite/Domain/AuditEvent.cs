namespace OctoLite.Domain;

/// <summary>One change to the server's state: who did what to which document, and what changed.</summary>
internal sealed record AuditEvent
{
    public string Id { get; init; } = "";
    public DateTimeOffset Occurred { get; init; }
    public string Who { get; init; } = "";
    /// <summary>Created, Modified, Deleted or another verb (e.g. ApiKeyRevoked).</summary>
    public string Category { get; init; } = "";
    public string DocumentType { get; init; } = "";
    public string DocumentId { get; init; } = "";
    public string Message { get; init; } = "";
    /// <summary>Before/after summary of the changed fields, e.g. "Name: 'a' → 'b'".</summary>
    public string Details { get; init; } = "";
}
