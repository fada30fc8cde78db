using OctoLite.Domain;
using OctoLite.Server.Dispatch;

namespace OctoLite.Server.Tasks;

/// <summary>Where one script invocation runs: the built-in worker (<see cref="Worker"/> null) or a tentacle the task leased.</summary>
/// <param name="DisplayName">What the task shows as the step's worker: "built-in worker" or the worker's name.</param>
/// <param name="Worker">The tentacle, or null for the built-in worker.</param>
/// <param name="StartRetryLimit">How long to keep trying to reach the worker (from its machine policy).</param>
internal sealed record StepPlacement(string DisplayName, Worker? Worker = null, TimeSpan StartRetryLimit = default)
{
    public static StepPlacement BuiltIn { get; } = new(BuiltInWorker.DisplayName);

    /// <summary>The worker's id, or the built-in worker's pseudo-id: what its mutexes are keyed by.</summary>
    public string WorkerId => Worker?.Id ?? WorkerLeases.BuiltInWorkerId;
}
