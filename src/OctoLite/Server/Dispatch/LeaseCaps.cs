using OctoLite.Domain;

namespace OctoLite.Server.Dispatch;

/// <summary>The rule for <c>MaxConcurrentLeases</c> on workers and pools: absent (no cap) or 1 to <see cref="WorkerPool.MaxLeasesLimit"/>.</summary>
internal static class LeaseCaps
{
    public static Problem? Check(int? cap) =>
        cap is { } value && (value < 1 || value > WorkerPool.MaxLeasesLimit)
            ? Problem.Invalid("MaxConcurrentLeases", $"MaxConcurrentLeases must be from 1 to {WorkerPool.MaxLeasesLimit} (got {value}); leave it out, or null, for no cap.")
            : null;
}
