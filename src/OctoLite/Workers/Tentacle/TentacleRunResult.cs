using OctoLite.Scripting.Runner;
using OctoLite.Workers.Tentacle.Errors;

namespace OctoLite.Workers.Tentacle;

/// <summary>
/// How a step ended on a tentacle, as <see cref="StepRunResult"/> says it for the built-in worker, with the tentacle
/// error that ended it when the link, not the script, decided the outcome (null otherwise). A
/// <see cref="TentacleCertificateMismatchException"/> or <see cref="TentacleUntrustedException"/> there is a trust
/// failure the caller audits.
/// </summary>
internal sealed record TentacleRunResult(StepRunResult Result, TentacleException? Failure)
{
    /// <summary>
    /// The server is stopping and left the script running on the tentacle (see <see cref="TentacleFollowing.DetachOnStop"/>):
    /// <see cref="Result"/> says nothing of how it ends. If the tentacle had not accepted it yet, nothing of it runs there.
    /// </summary>
    public bool IsDetached { get; init; }

    public bool IsTrustFailure => Failure is TentacleCertificateMismatchException or TentacleUntrustedException;
}
