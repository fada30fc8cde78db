namespace OctoLite.Domain;

/// <summary>How the server reaches a worker. Names follow Octopus.</summary>
internal enum CommunicationStyle
{
    /// <summary>The worker inside the server process itself; never stored as a worker record.</summary>
    BuiltIn,
    /// <summary>A listening tentacle: the server connects to it.</summary>
    TentaclePassive,
    /// <summary>A polling tentacle: it connects to the server.</summary>
    TentacleActive,
    /// <summary>A machine reached over SSH.</summary>
    Ssh,
}

internal static class CommunicationStyles
{
    /// <summary>True for the tentacle styles, listening or polling.</summary>
    public static bool IsTentacle(this CommunicationStyle style) => style is CommunicationStyle.TentaclePassive or CommunicationStyle.TentacleActive;
}
