namespace OctoLite.Domain;

/// <summary>What a <see cref="ServerTask"/> does (Octopus's task "Name").</summary>
internal enum TaskKind
{
    RunbookRun,
    Deploy,
    Health,
}
