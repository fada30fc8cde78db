namespace OctoLite.Workers.Tentacle.Errors;

/// <summary>
/// The tentacle presented a certificate other than the one pinned for it. Never retried: either the tentacle was
/// given a new certificate (update the worker's thumbprint) or something else answers at its address.
/// </summary>
internal sealed class TentacleCertificateMismatchException(Uri tentacle, string presented, string expected)
    : TentacleException(tentacle, $"tentacle at {tentacle} presented certificate {presented}, expected {expected}; if the tentacle's certificate was replaced on purpose, update the worker with `octolite worker update <worker> --thumbprint {presented}`")
{
    public string Presented { get; } = presented;
    public string Expected { get; } = expected;
    public override bool IsRetryable => false;
}
