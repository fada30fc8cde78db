using OctoLite.Domain;

namespace OctoLite.Server.Pools;

/// <summary>Which workers a list request wants: by pool (id or name), health status, or part of the name.</summary>
internal sealed record WorkerFilter(string? Pool = null, HealthStatus? Health = null, string? PartialName = null);
