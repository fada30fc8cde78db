namespace OctoLite.Workers.Tentacle.Errors;

/// <summary>The tentacle could not be reached or did not answer in time: connection refused, reset, unreachable, timed out.</summary>
internal sealed class TentacleUnavailableException(Uri tentacle, string reason, Exception? inner = null)
    : TentacleException(tentacle, $"worker unavailable: the tentacle at {tentacle} {reason}", inner)
{
    public override bool IsRetryable => true;
}
