namespace OctoLite.Domain;

/// <summary>
/// One project variable (Octopus's VariableResource). In the store a sensitive
/// variable's <see cref="Value"/> is ciphertext; outside the server it is always null.
/// </summary>
internal sealed record Variable
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Value { get; init; }
    public bool IsSensitive { get; init; }
    /// <summary>Where this value applies; unscoped by default.</summary>
    public VariableScope Scope { get; init; } = new();
}
