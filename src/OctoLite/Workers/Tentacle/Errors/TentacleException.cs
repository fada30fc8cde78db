namespace OctoLite.Workers.Tentacle.Errors;

/// <summary>A call to a tentacle failed. Whether trying again can help is <see cref="IsRetryable"/>, decided by the subtype.</summary>
internal abstract class TentacleException(Uri tentacle, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The tentacle's address.</summary>
    public Uri Tentacle { get; } = tentacle;

    /// <summary>True for network trouble (the tentacle may answer later); false when the same call would fail the same way.</summary>
    public abstract bool IsRetryable { get; }
}
