namespace OctoLite.Domain;

/// <summary>The variables of one project (Octopus's VariableSetResource, id "variableset-Projects-N").</summary>
internal sealed record VariableSet
{
    public string Id { get; init; } = "";
    public string OwnerId { get; init; } = "";
    public IReadOnlyList<Variable> Variables { get; init; } = [];

    public static string IdFor(string projectId) => $"variableset-{projectId}";
}
