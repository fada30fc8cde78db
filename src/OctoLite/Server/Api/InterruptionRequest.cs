namespace OctoLite.Server.Api;

/// <summary>The optional body of <c>POST /api/tasks/{id}/approve</c> and <c>/abort</c>.</summary>
internal sealed record InterruptionRequest
{
    /// <summary>Why; kept with the intervention and in the audit trail.</summary>
    public string? Note { get; init; }
    /// <summary>Which intervention, when the task awaits several; optional otherwise.</summary>
    public string? InterruptionId { get; init; }
}
