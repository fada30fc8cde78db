namespace OctoLite.Domain;

/// <summary>The result of a worker's last health check. Names follow Octopus.</summary>
internal enum HealthStatus
{
    Unknown,
    Healthy,
    HasWarnings,
    Unhealthy,
    Unavailable,
}
