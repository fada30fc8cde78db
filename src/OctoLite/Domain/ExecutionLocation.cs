namespace OctoLite.Domain;

/// <summary>Where a script step runs (Octopus's "Execution location").</summary>
internal enum ExecutionLocation
{
    /// <summary>Once, on a worker of the step's pool (the default pool when none is named). The built-in worker stands in for an empty default pool.</summary>
    WorkerPool,
    /// <summary>Once, on the built-in worker inside the server ("Run on the Octopus Server").</summary>
    BuiltInWorker,
    /// <summary>Once per enabled target in the step's roles in the deployment's environment, each on a worker, with that target's variables.</summary>
    WorkerPoolOnBehalfOfRoles,
}
