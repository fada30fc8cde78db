namespace OctoLite.Domain;

/// <summary>What a health check makes of a worker it cannot reach (Octopus's MachineConnectivityBehavior).</summary>
internal enum MachineConnectivityBehavior
{
    /// <summary>The worker is marked Unavailable and the health check task fails.</summary>
    ExpectedToBeOnline,

    /// <summary>The worker is marked Unavailable, but the health check task does not fail because of it.</summary>
    MayBeOfflineAndCanBeSkipped,
}
