namespace OctoLite.Workers.Tentacle.Errors;

/// <summary>The tentacle answered, but refused the call or answered something this server cannot use. Never retried.</summary>
internal sealed class TentacleProtocolException(Uri tentacle, string message, Exception? inner = null)
    : TentacleException(tentacle, $"the tentacle at {tentacle} {message}", inner)
{
    public override bool IsRetryable => false;
}
