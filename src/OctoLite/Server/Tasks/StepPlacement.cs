using OctoLite.Domain;
using OctoLite.Workers;

namespace OctoLite.Server.Tasks;

/// <summary>
/// Where one script invocation runs: the built-in worker (<see cref="Worker"/> null) or a listening tentacle. A
/// tentacle placement counts as a step running on that worker until disposed.
/// </summary>
/// <param name="DisplayName">What the task shows as the step's worker: "built-in worker" or the worker's name.</param>
/// <param name="Worker">The TentaclePassive worker, or null for the built-in worker.</param>
/// <param name="StartRetryLimit">How long to keep trying to reach the worker (its machine policy's ConnectionConnectTimeout).</param>
/// <param name="Lease">The worker's load count for this step.</param>
internal sealed record StepPlacement(string DisplayName, Worker? Worker = null, TimeSpan StartRetryLimit = default, WorkerLease? Lease = null) : IDisposable
{
    public static StepPlacement BuiltIn { get; } = new(BuiltInWorker.DisplayName);

    public void Dispose() => Lease?.Dispose();
}
