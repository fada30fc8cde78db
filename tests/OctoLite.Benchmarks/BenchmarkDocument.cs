using System.Globalization;

namespace OctoLite.Benchmarks;

/// <summary>
/// The markdown report. Everything above the history marker is regenerated on every run; everything
/// below it is kept, with one dated row added to the history table so results accumulate.
/// </summary>
internal static class BenchmarkDocument
{
    public const string HistoryMarker = "<!-- history -->";

    /// <param name="existing">The report as it was, or null if there was none. A report without the marker is kept whole below it.</param>
    public static string Render(BenchmarkResults results, IReadOnlyList<ResultRow> rows, string? existing)
    {
        List<string> lines =
        [
            "# Benchmarks",
            "",
            .. Method(results),
            "",
            .. ResultTable.Render(rows),
            "",
            HistoryMarker,
        ];
        return string.Join('\n', lines) + HistoryTable.Append(BelowMarker(existing), results);
    }

    /// <summary>Whether a report exists but has no marker, so its whole text will be kept below the new one.</summary>
    public static bool LacksMarker(string? existing) => existing is { Length: > 0 } && MarkerIndex(existing) < 0;

    private static IEnumerable<string> Method(BenchmarkResults r)
    {
        var date = r.Date.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var measured = $"Measured on {r.Machine.Describe()}, Linux {r.Machine.Kernel}, {date}; binary `{r.Binary}` ({r.VersionText}); " +
                       Invariant($"1-minute load average {r.LoadBefore:0.00} when the run began and {r.LoadAfter:0.00} when it ended (other work on the machine inflates every figure). ");
        const string regenerate =
            "Regenerate with `dotnet run -c Release --project tests/OctoLite.Benchmarks -- --binary <binary> --out <this file>` " +
            "(`--scenarios startup`, `tasks`, or any of `latency,ingest,throughput,dispatch` to take only some; the report then holds only those).";
        if (r.Startup is { } startup)
        {
            yield return measured + StartupMethod(startup) + " " + regenerate;
            measured = "";
        }

        if (r.HasTaskResults)
        {
            var first = true;
            foreach (var paragraph in TaskMethod(r))
            {
                if (r.Startup is not null || !first)
                {
                    yield return "";
                }

                yield return first && measured.Length > 0 ? measured + paragraph + " " + regenerate : paragraph;
                first = false;
            }
        }
    }

    private static string StartupMethod(StartupResults s) =>
        $"Every start-up figure is the median of {s.Runs} runs, taken after {s.WarmUps} unmeasured warm-up runs of each command " +
        "(so the binaries are in the page cache); baseline and `--version` runs alternate, so drift in the machine's load affects both alike. " +
        "Wall time is timed by the harness itself with a monotonic Stopwatch (`Stopwatch.GetTimestamp`, nanosecond ticks) " +
        "from just before `Process.Start` until `WaitForExit` sees the process exit, on runs of the command alone, not under GNU time; " +
        "it includes the harness's spawn (fork/exec) and reaping of the process, as the baseline does, but not GNU time's own. " +
        "Maximum resident set size comes from separate runs of the same commands under GNU `time -v` (`/usr/bin/time`). " +
        "The baseline is `bash -c true`, measured in the same session, and ratios are the subject's median over the baseline's. " +
        "Server start to ready is timed the same way, on a server spawned alone, from just before spawning " +
        "`octolite server run --data-dir <fresh dir> --listen 127.0.0.1:0` until `octolite server info` first exits 0 " +
        $"(retried {Timeouts.Poll.TotalMilliseconds:0} ms after each failed call, so it includes one such call and is only as fine as that polling; " +
        "one unmeasured server start comes first). " +
        $"The idle server's memory comes from separate runs under GNU time: the server idles {Timeouts.Idle.TotalSeconds:0} s; " +
        "its steady VmRSS is read from /proc just before SIGTERM, its max RSS from GNU time after it exits. MB = 2^20 bytes.";

    private static List<string> TaskMethod(BenchmarkResults r)
    {
        var parts = new List<string>
        {
            "The task engine's scenarios drive a server (`server run` on a fresh data dir) through its REST API over the data dir's " +
            "Unix socket (`octolite.sock`, no API key), with a keep-alive HTTP client in the harness; the server starts in an empty " +
            "working directory of its own (ASP.NET's configuration reload watches the working directory recursively; see below). Each runbook is one Bash step " +
            "on the built-in worker (unless said otherwise below), and every time is taken by the harness's Stopwatch from just before the queue request " +
            "(`POST /api/runbooks/{name}/run`) until `GET /api/tasks/{id}/wait` answers with the task finished (the endpoint answers on " +
            "completion, so no polling delay is in it); any task not ending Success fails the measurement.",
        };
        if (r.Latency is { } l)
        {
            parts.Add(
                $"**One-line step latency**: {l.Runs} sequential runs of a runbook whose step is `{TaskScenarioSettings.TrivialScript}`, after {l.WarmUps} unmeasured ones; " +
                "before each run the baseline, `bash -c true` spawned from .NET (`Process.Start`, then `WaitForExit`, timed as above), runs once, " +
                "so drift in the machine's load affects both alike. Percentiles interpolate linearly between ranks; " +
                "the queued → started and started → finished rows are the medians of the differences of the task's own `QueueTime`, " +
                "`StartTime` and `CompletedTime`, the server's clock.");
        }

        if (r.Ingest is { } i)
        {
            parts.Add(
                $"**Output ingest**: a step printing {Format.Count(i.Bytes)} bytes, {Format.Count(i.Lines)} numbered lines of {IngestGenerator.LineBytes} bytes " +
                $"(`{IngestGenerator.Script(TaskScenarioSettings.IngestLines)}`), median of {i.Runs} runs, each on a fresh server warmed by one trivial task; " +
                "the baseline is the same command piped through `cat > file` in a `bash -c` spawned from .NET, one run before each measured run " +
                "(and one unmeasured first), and the ratio is of the times, so 2.0× means half cat's speed. After each run the whole log is read back " +
                $"through `GET /api/tasks/{{id}}/log?after=N&take={TaskScenarioSettings.LogPageSize}`, and the check passes when every numbered line " +
                "is there once, unaltered and in order, the log's sequence numbers run without a gap, and the last equals the task's `LogLineCount`.");
        }

        if (r.Throughput is { } t)
        {
            parts.Add(
                $"**Throughput**: with `PUT /api/configuration {{\"TaskCap\":{t.TaskCap}}}`, {t.Tasks} runs of the `{TaskScenarioSettings.TrivialScript}` runbook are queued by " +
                $"{TaskScenarioSettings.ThroughputQueueConcurrency} concurrent requests, then each is waited for in queue order; tasks/s is {t.Tasks} over the time " +
                $"from the first queue request until the last task was seen finished; median of {t.Runs} runs after {TaskScenarioSettings.ThroughputWarmUpTasks} unmeasured tasks. " +
                $"The baseline is {t.Tasks} `bash -c true` spawned and waited for from .NET, {t.TaskCap} at a time on threads of their own, run before each measured run; " +
                "its ratio is tasks/s over spawns/s, so below 1 is slower than the baseline.");
        }

        if (r.Dispatch is { } d)
        {
            parts.Add(DispatchMethod(d));
        }

        return parts;
    }

    private static string DispatchMethod(DispatchResults d) =>
        "**Tentacle dispatch**: the server gets two tentacle agents, processes of the same binary on loopback, each with a home of its own " +
        "in a temp dir and `OCTOLITE_TENTACLE_CONFIG_DIR` pointing there too (nothing is written to the user's config), set up with the real verbs: " +
        "`tentacle create-instance`; for the listening one `tentacle configure --listen-address 127.0.0.1 --port <free port>` and " +
        $"`tentacle register-worker --comms-style TentaclePassive --public-hostname 127.0.0.1 --workerpool {DispatchScenario.ListeningPool}`, " +
        $"for the polling one `tentacle register-worker --comms-style TentacleActive --workerpool {DispatchScenario.PollingPool}` " +
        "(both through the server's TCP API, `http://127.0.0.1:PORT`, with an API key made for the run; the server opens its polling endpoint " +
        "with `--polling-port 0`); then `tentacle run`. Every call between server and tentacle is mutual TLS, each side pinning the other's " +
        "certificate thumbprint (register-worker makes the tentacle trust the server's). The server keeps one client per tentacle and reuses its " +
        "kept-alive connection from call to call and step to step; the polling agent holds its 3 long polls open on the polling endpoint, " +
        "so a queued call is collected by a poll already waiting. So neither path pays for a TCP or TLS handshake per step. " +
        $"Three runbooks of one step `{TaskScenarioSettings.TrivialScript}`: on the default pool (it has no workers, so the built-in worker runs it), " +
        $"on pool `{DispatchScenario.ListeningPool}` and on pool `{DispatchScenario.PollingPool}`. After {d.WarmUps} unmeasured rounds " +
        "(which also wait out the agents' start), each of " +
        $"{d.Runs} rounds runs the baseline `bash -c true` once and then the three runbooks one after another, each timed as above, so drift " +
        "in the machine's load affects all four alike. The goal for each tentacle is the baseline's p50 plus " +
        $"{Goals.TentacleDispatchAllowanceMs:0} ms; the built-in row is for comparison, against the latency goal. Percentiles interpolate linearly " +
        "between ranks; the server-clock rows are the medians of the differences of each task's own `QueueTime`, `StartTime` and `CompletedTime`, " +
        "and started → finished holds the worker's placement, every call to it and the script itself.";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string BelowMarker(string? existing)
    {
        if (existing is null)
        {
            return "";
        }

        var marker = MarkerIndex(existing);
        return marker < 0 ? existing : existing[(marker + HistoryMarker.Length)..];
    }

    /// <summary>Where the marker stands on a line of its own, or -1.</summary>
    private static int MarkerIndex(string text)
    {
        var offset = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.Trim() == HistoryMarker)
            {
                return offset + line.IndexOf(HistoryMarker, StringComparison.Ordinal);
            }

            offset += line.Length + 1;
        }

        return -1;
    }
}
