namespace OctoLite.Domain;

/// <summary>What a <see cref="ServerTask"/> does (Octopus's task "Name"). Only RunbookRun executes yet; the others arrive with their issues.</summary>
internal enum TaskKind
{
    RunbookRun,
    Deploy,
    Health,
}
