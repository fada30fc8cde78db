using System.Text;
using OctoLite.Domain;
using OctoLite.Scripting.Runner;

namespace OctoLite.Tests.Scripting.Runner;

public sealed class StepRunnerOutputTests
{
    [Fact]
    public async Task RunAsync_LogsStdoutAtTheLevelTheServiceMessagesSet()
    {
        using var run = new StepRun();
        const string script = """
            echo plain
            write_verbose v1
            write_highlight h1
            write_wait w1
            write_warning warn1
            echo '##octopus[stdout-error]'
            echo e1
            echo '##octopus[stdout-ignore]'
            echo dropped
            echo '  ##octopus[stdout-default]'
            echo back to info
            """;

        var result = await run.RunAsync(script);

        Assert.Equal(StepOutcome.Success, result.Outcome);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.ErrorMessage);
        Assert.Equal(
            [(TaskLogLevel.Info, "plain"), (TaskLogLevel.Verbose, "v1"), (TaskLogLevel.Highlight, "h1"), (TaskLogLevel.Wait, "w1"),
             (TaskLogLevel.Warning, "warn1"), (TaskLogLevel.Error, "e1"), (TaskLogLevel.Info, "back to info")],
            run.Output.Lines);
    }

    [Fact]
    public async Task RunAsync_LogsStderrAsErrors_UnlessStderrMessagesSayProgressOrIgnore()
    {
        using var run = new StepRun(answerSyncLines: true);
        // Each pipe has its own reader, so the script waits until the sink has seen each line before the next.
        const string script = """
            wait_for() { while [ ! -e "go-$1" ]; do sleep 0.01; done; }
            echo "sync first" >&2; wait_for first
            echo '##octopus[stderr-progress]'; echo "sync p"; wait_for p
            echo "sync second" >&2; wait_for second
            echo '##octopus[stderr-default]'; echo "sync d"; wait_for d
            echo "sync third" >&2; wait_for third
            echo '##octopus[stderr-ignore]'; echo "sync i"; wait_for i
            echo dropped >&2
            """;

        var result = await run.RunAsync(script);

        Assert.Equal(StepOutcome.Success, result.Outcome);
        Assert.Equal(
            [(TaskLogLevel.Error, "sync first"), (TaskLogLevel.Info, "sync p"), (TaskLogLevel.Verbose, "sync second"), (TaskLogLevel.Info, "sync d"),
             (TaskLogLevel.Error, "sync third"), (TaskLogLevel.Info, "sync i")],
            run.Output.Lines);
    }

    [Fact]
    public async Task RunAsync_ReportsProgress_AndNotesUnknownServiceMessagesWithoutLoggingThem()
    {
        using var run = new StepRun();

        var result = await run.RunAsync("update_progress 40 'Half way'\nupdate_progress 100\necho \"##octopus[buildStatus text='$(printf x | base64)']\"");

        Assert.Equal(StepOutcome.Success, result.Outcome);
        Assert.Equal([(40, "Half way"), (100, "")], run.Output.ProgressReports);
        var line = Assert.Single(run.Output.Lines);
        Assert.Equal(TaskLogLevel.Verbose, line.Level);
        Assert.Contains("buildStatus", line.Text);
    }

    [Fact]
    public async Task RunAsync_LogsMalformedServiceMessagesAsText_WithAVerboseReason()
    {
        using var run = new StepRun();
        string[] malformed =
        [
            "##octopus[setVariable name='!!notbase64' value='eA==']",
            "##octopus[setVariable value='eA==']",
            "##octopus[progress percentage='MTUw']",
            "##octopus[createArtifact name='eA==' path='unterminated]",
            "##octopus[",
            "##octopus[stdout-warning",
        ];
        await File.WriteAllLinesAsync(Path.Combine(run.Folder, "lines.txt"), malformed);

        var result = await run.RunAsync("cat lines.txt\necho after");

        Assert.Equal(StepOutcome.Success, result.Outcome);
        Assert.Equal([.. malformed, "after"], run.Output.At(TaskLogLevel.Info));
        Assert.Equal(malformed.Length, run.Output.At(TaskLogLevel.Verbose).Count(l => l.StartsWith("Not a valid service message", StringComparison.Ordinal)));
        Assert.Empty(run.Output.OutputVariables);
    }

    [Fact]
    public async Task RunAsync_NeverFails_OnServiceMessagesOfRandomBytes()
    {
        using var run = new StepRun();
        var random = new Random(20240611);
        var bytes = new List<byte>();
        var expected = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var line = Encoding.ASCII.GetBytes("##octopus[").Concat(RandomBytes(random, random.Next(5, 300))).ToArray();
            bytes.AddRange(line);
            bytes.Add((byte)'\n');
            expected.Add(Encoding.UTF8.GetString(line)); // invalid UTF-8 becomes U+FFFD, as the pipe reader decodes it
        }
        await File.WriteAllBytesAsync(Path.Combine(run.Folder, "fuzz.bin"), bytes.ToArray());

        var result = await run.RunAsync("cat fuzz.bin\necho done");

        Assert.Equal(StepOutcome.Success, result.Outcome);
        Assert.Equal([.. expected, "done"], run.Output.At(TaskLogLevel.Info));
    }

    [Fact]
    public async Task RunAsync_PassesEveryLineOfALargeOutputInOrder()
    {
        using var run = new StepRun();
        run.Variables.Set("Secret", "never-printed-value", isSensitive: true);

        var result = await run.RunAsync("seq 1 200000");

        Assert.Equal(StepOutcome.Success, result.Outcome);
        var lines = run.Output.At(TaskLogLevel.Info);
        Assert.Equal(200000, lines.Count);
        Assert.Equal("1", lines[0]);
        Assert.Equal("200000", lines[^1]);
    }

    // Random bytes without line breaks, weighted towards the characters service messages are made of.
    private static IEnumerable<byte> RandomBytes(Random random, int count)
    {
        var favourites = Encoding.ASCII.GetBytes("'\"= ]abcAZ09+/");
        for (var i = 0; i < count; i++)
        {
            var b = random.Next(3) == 0 ? favourites[random.Next(favourites.Length)] : (byte)random.Next(256);
            yield return b is (byte)'\n' or (byte)'\r' ? (byte)'x' : b;
        }
    }
}
