namespace OctoLite.Domain;

/// <summary>
/// Where a variable's value applies (Octopus's ScopeSpecification). Empty lists mean "everywhere". A name may have
/// several values with different scopes; the most specific match wins (see <c>VariableScoping</c>).
/// </summary>
internal sealed record VariableScope
{
    /// <summary>Environment ids (names are accepted on input).</summary>
    public IReadOnlyList<string> Environments { get; init; } = [];
    /// <summary>Target roles, compared case-insensitively.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    public bool IsEmpty => Environments.Count == 0 && Roles.Count == 0;

    /// <summary>Scopes are equal when they hold the same environments and roles, in any order.</summary>
    public bool Equals(VariableScope? other) => other is not null && SameAs(other);

    public override int GetHashCode() => HashCode.Combine(Environments.Count, Roles.Count);

    /// <summary>Same environments and roles, in any order.</summary>
    public bool SameAs(VariableScope other) =>
        Environments.Count == other.Environments.Count && Environments.All(e => other.Environments.Contains(e, StringComparer.OrdinalIgnoreCase))
        && Roles.Count == other.Roles.Count && Roles.All(r => other.Roles.Contains(r, StringComparer.OrdinalIgnoreCase));
}
