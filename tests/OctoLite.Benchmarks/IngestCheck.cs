using System.Diagnostics;
using System.Globalization;

namespace OctoLite.Benchmarks;

/// <summary>
/// The ingest scenario's check, made by reading the whole task log back through <c>/api/tasks/{id}/log</c> page by
/// page: every generated line is there exactly once, unaltered and in order; the log's sequence numbers run
/// 1, 2, 3 … without a gap; and the last one equals the task's <c>LogLineCount</c>.
/// </summary>
/// <param name="Expected">Lines the generator printed.</param>
/// <param name="Found">Generated lines found in order before the first problem (all of them when it passed).</param>
/// <param name="LogLines">Lines in the log, the runner's own included.</param>
/// <param name="Problem">The first thing wrong, or null.</param>
/// <param name="ReadBack">How long reading the log back took.</param>
internal sealed record IngestCheck(long Expected, long Found, long LogLines, string? Problem, TimeSpan ReadBack)
{
    public bool Passed => Problem is null && Found == Expected;

    public static async Task<IngestCheck> RunAsync(ServerApi api, FinishedTask task, long expected, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        long found = 0;
        long lastSequence = 0;
        string? problem = null;
        var after = 0L;
        while (true)
        {
            var page = await api.ReadLogAsync(task.Id, after, TaskScenarioSettings.LogPageSize, cancellationToken);
            foreach (var line in page.Lines)
            {
                if (problem is null && line.Sequence != lastSequence + 1)
                {
                    problem = Invariant($"log sequence {line.Sequence} follows {lastSequence}");
                }

                lastSequence = line.Sequence;
                if (problem is not null || !IngestGenerator.IsGenerated(line.Text))
                {
                    continue;
                }

                if (IngestGenerator.IsLine(line.Text, found + 1))
                {
                    found++;
                }
                else
                {
                    problem = Invariant($"generated line {found + 1} expected at log sequence {line.Sequence}, found '{Shorten(line.Text)}'");
                }
            }

            if (page.IsComplete || page.Lines.Count == 0)
            {
                break;
            }

            after = page.Next;
        }

        if (problem is null && found != expected)
        {
            problem = Invariant($"{found:N0} of {expected:N0} generated lines in the log");
        }

        if (problem is null && lastSequence != task.LogLineCount)
        {
            problem = Invariant($"the last log sequence is {lastSequence:N0} but the task reports {task.LogLineCount:N0} lines");
        }

        return new IngestCheck(expected, found, lastSequence, problem, Stopwatch.GetElapsedTime(started));
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
