namespace OctoLite.Benchmarks;

/// <summary>The results table: one row per measure, against the baseline and the goals.</summary>
internal static class ResultTable
{
    private const string None = ResultRow.None;

    /// <summary>The rows of the scenarios that were run, in the order they ran.</summary>
    public static IReadOnlyList<ResultRow> Rows(BenchmarkResults r)
    {
        var rows = new List<ResultRow>();
        if (r.Startup is { } startup)
        {
            rows.AddRange(StartupRows(startup));
        }

        if (r.Latency is { } latency)
        {
            rows.AddRange(LatencyRows(latency));
        }

        if (r.Ingest is { } ingest)
        {
            rows.AddRange(IngestRows(ingest));
        }

        if (r.Throughput is { } throughput)
        {
            rows.Add(ThroughputRow(throughput));
        }

        if (r.Dispatch is { } dispatch)
        {
            rows.AddRange(DispatchRows(dispatch));
        }

        return rows;
    }

    /// <summary>A markdown table, padded so it also reads well as plain text.</summary>
    public static IReadOnlyList<string> Render(IReadOnlyList<ResultRow> rows)
    {
        var all = rows.Prepend(ResultRow.Header).Select(row => row.Cells.Select(Format.Cell).ToArray()).ToArray();
        var widths = Enumerable.Range(0, all[0].Length).Select(column => all.Max(cells => cells[column].Length)).ToArray();
        var lines = all.Select(cells => Line(cells.Select((cell, column) => cell.PadRight(widths[column])))).ToList();
        lines.Insert(1, Line(widths.Select(width => new string('-', width))));
        return lines;
    }

    private static IEnumerable<ResultRow> StartupRows(StartupResults r) =>
    [
        new("binary size", Format.Bytes(r.BinaryBytes), None, None,
            $"≤ {Format.Megabytes(Goals.BinaryBytes / 1024.0)}", Goals.Verdict(r.BinaryBytes <= Goals.BinaryBytes)),
        new("`--version` cold start, wall", Format.Milliseconds(r.VersionWallMs), Format.Milliseconds(r.BaselineWallMs),
            Format.Ratio(r.VersionWallMs, r.BaselineWallMs),
            $"≤ {Format.Milliseconds(Goals.ColdStartMs)}", Goals.Verdict(r.VersionWallMs <= Goals.ColdStartMs)),
        new("`--version` cold start, max RSS", Format.Megabytes(r.VersionRssKb), Format.Megabytes(r.BaselineRssKb),
            Format.Ratio(r.VersionRssKb, r.BaselineRssKb), None, None),
        new("server start to ready", Format.Milliseconds(r.ServerReadyMs), None, None, None, None),
        IdleRssRow("idle server, max RSS", r.ServerMaxRssKb, r.BaselineRssKb),
        IdleRssRow("idle server, steady VmRSS", r.ServerSteadyRssKb, r.BaselineRssKb),
    ];

    private static IEnumerable<ResultRow> LatencyRows(LatencyResults r)
    {
        var goalMs = Goals.StepLatencyMs(r.BaselineP50Ms);
        return
        [
            new("one-line bash step, queue to Success, p50", Format.Milliseconds(r.P50Ms), Format.Milliseconds(r.BaselineP50Ms),
                Format.Ratio(r.P50Ms, r.BaselineP50Ms),
                $"≤ {Goals.StepLatencyFactor:0.0#} × baseline + {Goals.StepLatencyAllowanceMs:0} ms = {Format.Milliseconds(goalMs)}",
                Goals.Verdict(r.P50Ms <= goalMs)),
            new("one-line bash step, queue to Success, p90", Format.Milliseconds(r.P90Ms), Format.Milliseconds(r.BaselineP90Ms),
                Format.Ratio(r.P90Ms, r.BaselineP90Ms), None, None),
            new("… of which queued → started (server clock, p50)", Format.Milliseconds(r.ServerQueuedP50Ms), None, None, None, None),
            new("… of which started → finished (server clock, p50)", Format.Milliseconds(r.ServerExecutingP50Ms), None, None, None, None),
        ];
    }

    private static IEnumerable<ResultRow> IngestRows(IngestResults r) =>
    [
        new($"step printing {Format.Count(r.Bytes)} bytes ({Format.Count(r.Lines)} lines), queue to Success",
            $"{Format.Seconds(r.MedianMs)} ({Format.Throughput(r.Bytes, r.MedianMs)})",
            $"{Format.Seconds(r.BaselineMedianMs)} ({Format.Throughput(r.Bytes, r.BaselineMedianMs)})",
            Format.Ratio(r.MedianMs, r.BaselineMedianMs),
            $"≤ {Goals.IngestTimeRatio:0.0}× (≥ {100 / Goals.IngestTimeRatio:0}% of cat's speed)",
            Goals.Verdict(r.MedianMs <= Goals.IngestTimeRatio * r.BaselineMedianMs)),
        new("… every line in the task log, in order", CheckSummary(r), None, None, "all, every run", Goals.Verdict(r.AllPassed)),
        new("… whole log read back through the API",
            $"{Format.Seconds(r.ReadBackMs)} ({Format.Throughput(r.Bytes, r.ReadBackMs)})", None, None, None, None),
    ];

    private static ResultRow ThroughputRow(ThroughputResults r) =>
        new($"{r.Tasks} trivial tasks at task cap {r.TaskCap}", Format.Rate(r.TasksPerSecond, "tasks"),
            $"{Format.Rate(r.BaselineSpawnsPerSecond, "spawns")}, {r.TaskCap} at a time",
            Format.FineRatio(r.TasksPerSecond, r.BaselineSpawnsPerSecond),
            $"≥ {Goals.TasksPerSecond:0} tasks/s", Goals.Verdict(r.TasksPerSecond >= Goals.TasksPerSecond));

    private static IEnumerable<ResultRow> DispatchRows(DispatchResults r)
    {
        var builtInGoalMs = Goals.StepLatencyMs(r.BaselineP50Ms);
        var tentacleGoalMs = Goals.TentacleDispatchMs(r.BaselineP50Ms);
        var tentacleGoal = $"≤ baseline + {Goals.TentacleDispatchAllowanceMs:0} ms = {Format.Milliseconds(tentacleGoalMs)}";
        return
        [
            .. PathRows(r, "on the built-in worker (dispatch run)", r.BuiltIn,
                $"≤ {Goals.StepLatencyFactor:0.0#} × baseline + {Goals.StepLatencyAllowanceMs:0} ms = {Format.Milliseconds(builtInGoalMs)} (latency goal)",
                Goals.Verdict(r.BuiltIn.P50Ms <= builtInGoalMs)),
            .. PathRows(r, "via a listening tentacle", r.Listening, tentacleGoal, Goals.Verdict(r.Listening.P50Ms <= tentacleGoalMs)),
            .. PathRows(r, "via a polling tentacle", r.Polling, tentacleGoal, Goals.Verdict(r.Polling.P50Ms <= tentacleGoalMs)),
        ];
    }

    private static IEnumerable<ResultRow> PathRows(DispatchResults r, string how, DispatchPathResults path, string goal, string verdict) =>
    [
        new($"one-line bash step {how}, queue to Success, p50", Format.Milliseconds(path.P50Ms), Format.Milliseconds(r.BaselineP50Ms),
            Format.Ratio(path.P50Ms, r.BaselineP50Ms), goal, verdict),
        new($"one-line bash step {how}, queue to Success, p90", Format.Milliseconds(path.P90Ms), Format.Milliseconds(r.BaselineP90Ms),
            Format.Ratio(path.P90Ms, r.BaselineP90Ms), None, None),
        new("… queued → started / started → finished (server clock, p50)",
            $"{Format.Milliseconds(path.ServerQueuedP50Ms)} / {Format.Milliseconds(path.ServerExecutingP50Ms)}", None, None, None, None),
    ];

    /// <summary>"1,250,000 of 1,250,000 lines in 3 of 3 runs", or the first run's problem.</summary>
    private static string CheckSummary(IngestResults r)
    {
        var passed = r.Checks.Count(check => check.Passed);
        var failed = r.Checks.FirstOrDefault(check => !check.Passed);
        var summary = $"{Format.Count(r.Lines)} of {Format.Count(r.Lines)} lines in {passed} of {r.Checks.Count} runs";
        return failed is null ? summary : $"{summary}; a failed run: {failed.Problem}";
    }

    private static ResultRow IdleRssRow(string measure, double kb, double baselineKb) =>
        new(measure, Format.Megabytes(kb), Format.Megabytes(baselineKb), Format.Ratio(kb, baselineKb),
            $"≤ {Format.Megabytes(Goals.IdleServerRssKb)}", Goals.Verdict(kb <= Goals.IdleServerRssKb));

    private static string Line(IEnumerable<string> cells) => $"| {string.Join(" | ", cells)} |";
}
