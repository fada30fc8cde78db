namespace OctoLite.Domain;

/// <summary>The ways a manual intervention is resolved, as Octopus names them.</summary>
internal static class InterruptionResults
{
    public const string Proceed = "Proceed";
    public const string Abort = "Abort";
}
