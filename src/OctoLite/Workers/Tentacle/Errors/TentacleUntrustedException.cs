namespace OctoLite.Workers.Tentacle.Errors;

/// <summary>The tentacle refused this server's certificate: it was not told to trust this server. Never retried.</summary>
internal sealed class TentacleUntrustedException(Uri tentacle, string serverThumbprint, Exception? inner = null)
    : TentacleException(tentacle, $"the tentacle at {tentacle} refused this server's certificate {serverThumbprint}: it does not trust this server; on the tentacle run `octolite tentacle configure --trust {serverThumbprint}`", inner)
{
    public override bool IsRetryable => false;
}
