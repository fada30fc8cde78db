namespace OctoLite.Domain;

internal enum HealthCheckType
{
    /// <summary>Connect, then run the policy's health script.</summary>
    RunScript,
    /// <summary>Only check that the worker can be reached.</summary>
    OnlyConnectivity,
}
