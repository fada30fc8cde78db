namespace OctoLite.Tentacle.Agent;

/// <summary>The content of <c>instances.json</c>: every tentacle instance on this machine for this account.</summary>
internal sealed record TentacleInstanceRegistryFile
{
    public IReadOnlyList<TentacleInstanceEntry> Instances { get; init; } = [];
}

/// <summary>One registered instance: its name and its home directory.</summary>
internal sealed record TentacleInstanceEntry(string Name, string Home);
