namespace OctoLite.Scripting.Runner;

/// <summary>Runs one run-a-script step (placeholder signature; the implementation follows).</summary>
internal sealed class StepRunner
{
    public Task<StepRunResult> RunAsync(StepRunRequest request, IStepOutput output, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The step runner is not written yet.");
}
