namespace OctoLite.Server.Tasks;

/// <summary>What holds a task back, or what it is doing, as <c>octolite task why</c> reports it.</summary>
internal enum WaitKind
{
    /// <summary>The task has ended; nothing holds it.</summary>
    Finished,
    /// <summary>The task runs and waits on nothing.</summary>
    Running,
    /// <summary>A cancel was asked for; the task is stopping.</summary>
    Cancelling,
    /// <summary>Queued: this node is drained and starts nothing.</summary>
    Draining,
    /// <summary>Queued: the node runs as many tasks as its task cap allows.</summary>
    TaskCap,
    /// <summary>Queued: a task with the same concurrency tag is executing.</summary>
    ConcurrencyTag,
    /// <summary>Queued: tasks ahead of it start first.</summary>
    Queue,
    /// <summary>Executing: no worker of a pool it uses can be leased yet.</summary>
    WorkerLease,
    /// <summary>Executing: a step waits for a named mutex on its worker.</summary>
    Mutex,
    /// <summary>Executing: a manual intervention awaits an answer.</summary>
    ManualIntervention,
}
