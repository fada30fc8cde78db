namespace OctoLite.Benchmarks;

/// <summary>
/// Dispatch latency: one server, two tentacle agents of the same binary on loopback (one listening, one polling) set
/// up with the real <c>octolite tentacle</c> verbs, and three runbooks of one step <c>true</c>: on the default pool
/// (no workers, so the built-in worker runs it), on pool <see cref="ListeningPool"/> and on pool <see cref="PollingPool"/>.
/// Each round runs the baseline (<c>bash -c true</c>) and then the three runbooks in turn, so drift in the machine's
/// load affects all alike; each run is timed as in <see cref="LatencyScenario"/>.
/// </summary>
internal sealed class DispatchScenario(string binary, string bash, TextWriter progress)
{
    public const string ListeningPool = "Listening";
    public const string PollingPool = "Polling";

    private const string BuiltInRunbook = "BuiltIn";
    private const string ListeningRunbook = "ViaListening";
    private const string PollingRunbook = "ViaPolling";

    public async Task<DispatchResults> RunAsync(CancellationToken cancellationToken)
    {
        using var scratch = new ScratchDirectory();
        await using var server = await TaskServer.StartAsync(binary, progress, cancellationToken);
        var endpoints = await server.Api.EndpointsAsync(cancellationToken);
        var apiKey = await server.Api.CreateApiKeyAsync("bench", cancellationToken);
        await server.Api.CreateWorkerPoolAsync(ListeningPool, cancellationToken);
        await server.Api.CreateWorkerPoolAsync(PollingPool, cancellationToken);
        await server.CreateRunbookAsync(BuiltInRunbook, TaskScenarioSettings.TrivialScript, cancellationToken);
        await server.CreateRunbookAsync(ListeningRunbook, TaskScenarioSettings.TrivialScript, ListeningPool, cancellationToken);
        await server.CreateRunbookAsync(PollingRunbook, TaskScenarioSettings.TrivialScript, PollingPool, cancellationToken);

        var verbs = new TentacleVerbs(binary, scratch);
        await using var listening = await LoopbackTentacle.StartListeningAsync(verbs, "listening", endpoints, apiKey, ListeningPool, progress, cancellationToken);
        await using var polling = await LoopbackTentacle.StartPollingAsync(verbs, "polling", endpoints, apiKey, PollingPool, progress, cancellationToken);
        progress.WriteLine($"  tentacles registered with {endpoints.ApiAddress} (polling port {endpoints.PollingPort}, server certificate {endpoints.Thumbprint}).");

        try
        {
            return await MeasureAsync(server, cancellationToken);
        }
        catch (MeasurementException e)
        {
            throw new MeasurementException($"{e.Message}\nTentacle {listening.Name}: {listening.Describe()}\nTentacle {polling.Name}: {polling.Describe()}");
        }
    }

    private async Task<DispatchResults> MeasureAsync(TaskServer server, CancellationToken cancellationToken)
    {
        const int runs = TaskScenarioSettings.LatencyRuns;

        // The first warm-ups also wait out the agents' start: the server retries a listening tentacle it cannot reach
        // yet, and a polling tentacle's call waits in its queue until the agent's first poll collects it.
        for (var warmUp = 0; warmUp < TaskScenarioSettings.LatencyWarmUps; warmUp++)
        {
            WallClock.Measure(bash, BashTrue.Arguments, cancellationToken);
            await server.RunTimedAsync(BuiltInRunbook, cancellationToken);
            await server.RunTimedAsync(ListeningRunbook, cancellationToken);
            await server.RunTimedAsync(PollingRunbook, cancellationToken);
        }

        var baseline = new List<double>();
        var builtIn = new DispatchSamples();
        var listening = new DispatchSamples();
        var polling = new DispatchSamples();
        for (var run = 1; run <= runs; run++)
        {
            baseline.Add(WallClock.Measure(bash, BashTrue.Arguments, cancellationToken).TotalMilliseconds);
            await SampleAsync(server, BuiltInRunbook, builtIn, cancellationToken);
            await SampleAsync(server, ListeningRunbook, listening, cancellationToken);
            await SampleAsync(server, PollingRunbook, polling, cancellationToken);
            if (run % 10 == 0)
            {
                progress.WriteLine($"  dispatch round {run}/{runs}: p50 so far built-in {Format.Milliseconds(builtIn.MedianMs)}, " +
                                   $"listening {Format.Milliseconds(listening.MedianMs)}, polling {Format.Milliseconds(polling.MedianMs)} " +
                                   $"(bash -c true {Format.Milliseconds(Median.Of(baseline))})");
            }
        }

        return new DispatchResults(
            runs,
            TaskScenarioSettings.LatencyWarmUps,
            Percentile.Of(baseline, 0.5),
            Percentile.Of(baseline, 0.9),
            builtIn.Results(),
            listening.Results(),
            polling.Results());
    }

    private static async Task SampleAsync(TaskServer server, string runbook, DispatchSamples samples, CancellationToken cancellationToken)
    {
        var (task, wall) = await server.RunTimedAsync(runbook, cancellationToken);
        samples.Add(task, wall);
    }
}
