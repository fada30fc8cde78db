namespace OctoLite.Domain;

/// <summary>What a step does. Octopus's action type "Octopus.Script" is <see cref="RunScript"/>.</summary>
internal enum StepKind
{
    RunScript,
}
