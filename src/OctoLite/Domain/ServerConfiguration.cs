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
    /// <summary>Keep each step's working folder (<c>work/&lt;taskId&gt;/&lt;stepId&gt;</c>) after the step instead of deleting it. Default false.</summary>
    public bool BuiltInWorkerKeepWorkingFolders { get; init; }
    /// <summary>Drained: this node starts no new tasks (queued ones wait); running tasks finish. Set with <c>octolite server drain</c>.</summary>
    public bool IsDraining { get; init; }
}
