namespace OctoLite.Domain;

/// <summary>
/// A variable a step set with <c>set_octopusvariable</c> (<c>##octopus[setVariable …]</c>), usable by later steps as
/// <c>Octopus.Action[StepName].Output.Name</c>. A sensitive value is stored encrypted and never returned.
/// </summary>
internal sealed record OutputVariable
{
    public string StepName { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Value { get; init; }
    public bool IsSensitive { get; init; }

    public string FullName => $"Octopus.Action[{StepName}].Output.{Name}";
}
