namespace OctoLite.Domain;

/// <summary>Server-wide settings, one document. Keys as the CLI names them: taskCap, builtInWorker.enabled, builtInWorker.runAs.</summary>
internal sealed record ServerConfiguration
{
    public const int DefaultTaskCap = 5;
    public const int MaxTaskCap = 1000;

    /// <summary>At most this many tasks execute at once on this node. Default 5.</summary>
    public int TaskCap { get; init; } = DefaultTaskCap;
    /// <summary>"Run steps on the server": whether the built-in worker may run steps. Default true.</summary>
    public bool BuiltInWorkerEnabled { get; init; } = true;
    /// <summary>The OS account the built-in worker runs steps as; empty means the server's own account.</summary>
    public string BuiltInWorkerRunAs { get; init; } = "";
}
