namespace OctoLite.Domain;

/// <summary>
/// A variable a step set with <c>set_octopusvariable</c> (<c>##octopus[setVariable …]</c>), usable by later steps as
/// <c>Octopus.Action[StepName].Output.Name</c> (and, per target, <c>Octopus.Action[StepName].Output[Machine].Name</c>). A sensitive value is stored encrypted and never returned.
/// </summary>
internal sealed record OutputVariable
{
    public string StepName { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Value { get; init; }
    public bool IsSensitive { get; init; }
    /// <summary>The target the step ran on behalf of when it set the variable; empty when the step ran once.</summary>
    public string MachineName { get; init; } = "";

    /// <summary><c>Octopus.Action[Step].Output.Name</c>, or <c>Octopus.Action[Step].Output[Machine].Name</c> for one target's value.</summary>
    public string FullName => MachineName.Length == 0 ? $"Octopus.Action[{StepName}].Output.{Name}" : $"Octopus.Action[{StepName}].Output[{MachineName}].{Name}";
}
