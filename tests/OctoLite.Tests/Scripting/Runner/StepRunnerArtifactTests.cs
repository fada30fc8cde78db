using OctoLite.Domain;
using OctoLite.Scripting.Runner;

namespace OctoLite.Tests.Scripting.Runner;

public sealed class StepRunnerArtifactTests
{
    // Writes a createArtifact message directly (the bash helper refuses paths that are not files).
    private const string RawArtifact = """
        raw_artifact() {
            if [ -n "${2-}" ]; then
                echo "##octopus[createArtifact path='$(printf %s "$1" | base64 -w0)' name='$(printf %s "$2" | base64 -w0)']"
            else
                echo "##octopus[createArtifact path='$(printf %s "$1" | base64 -w0)']"
            fi
        }

        """;

    [Fact]
    public async Task RunAsync_ReturnsArtifacts_ByRelativeOrAbsolutePath_NamedAfterTheFileByDefault()
    {
        using var run = new StepRun();
        using var elsewhere = new Support.TempDirectory();
        await File.WriteAllTextAsync(elsewhere.Combine("outside.log"), "12345");
        var script = RawArtifact + $"""
            mkdir out && printf 'abc' > out/report.txt
            new_octopusartifact out/report.txt
            printf 'abcdef' > plain.txt
            raw_artifact plain.txt
            raw_artifact '{elsewhere.Combine("outside.log")}' 'renamed.log'
            """;

        var result = await run.RunAsync(script);

        Assert.Equal(StepOutcome.Success, result.Outcome);
        Assert.Equal(
            [
                new StepArtifact(Path.Combine(run.Folder, "out", "report.txt"), "report.txt", 3),
                new StepArtifact(Path.Combine(run.Folder, "plain.txt"), "plain.txt", 6),
                new StepArtifact(elsewhere.Combine("outside.log"), "renamed.log", 5),
            ],
            result.Artifacts);
        Assert.DoesNotContain(run.Output.Lines, l => l.Level >= TaskLogLevel.Warning);
    }

    [Fact]
    public async Task RunAsync_WarnsAboutArtifactsThatAreNotRegularFilesWhenTheScriptEnds()
    {
        using var run = new StepRun();
        var script = RawArtifact + """
            raw_artifact never-written.txt
            printf x > removed.txt
            new_octopusartifact removed.txt
            rm removed.txt
            mkfifo pipe && raw_artifact pipe
            mkdir folder && raw_artifact folder
            raw_artifact /dev/zero zeros
            ln -s plain.txt link.txt && printf 'abcd' > plain.txt && raw_artifact link.txt
            """;

        var result = await run.RunAsync(script);

        Assert.Equal(StepOutcome.Success, result.Outcome);
        Assert.Equal([new StepArtifact(Path.Combine(run.Folder, "link.txt"), "link.txt", 4)], result.Artifacts);
        var warnings = run.Output.At(TaskLogLevel.Warning);
        Assert.Equal(5, warnings.Count);
        foreach (var name in new[] { "never-written.txt", "removed.txt", "pipe", "folder", "zeros" })
            Assert.Single(warnings, w => w.StartsWith($"Artifact '{name}' was not collected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_KeepsEveryRequest_SuffixingNamesAlreadyTaken_AndDroppingExactRepeats()
    {
        using var run = new StepRun();
        var script = RawArtifact + """
            mkdir a b && printf 1 > a/log.txt && printf 22 > b/log.txt && printf 333 > c.txt
            new_octopusartifact a/log.txt
            new_octopusartifact b/log.txt
            new_octopusartifact c.txt first-name.txt
            new_octopusartifact c.txt LOG.txt
            new_octopusartifact c.txt first-name.txt
            """;

        var result = await run.RunAsync(script);

        Assert.Equal(
            [
                new StepArtifact(Path.Combine(run.Folder, "a", "log.txt"), "log.txt", 1),
                new StepArtifact(Path.Combine(run.Folder, "b", "log.txt"), "log-2.txt", 2),
                new StepArtifact(Path.Combine(run.Folder, "c.txt"), "first-name.txt", 3),
                new StepArtifact(Path.Combine(run.Folder, "c.txt"), "LOG-3.txt", 3),
            ],
            result.Artifacts);
    }

    [Fact]
    public async Task RunAsync_NeverReturnsTheVariablesFile_AsAnArtifact()
    {
        using var run = new StepRun();
        run.Variables.Set("Secret", "kept-out-of-artifacts", isSensitive: true);

        var result = await run.RunAsync("new_octopusartifact .octolite-variables");

        Assert.Empty(result.Artifacts);
        Assert.Single(run.Output.At(TaskLogLevel.Warning), w => w.Contains(".octolite-variables", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ReturnsArtifacts_WhenTheStepFails()
    {
        using var run = new StepRun();

        var result = await run.RunAsync("echo partial > result.txt\nnew_octopusartifact result.txt\nexit 2");

        Assert.Equal(StepOutcome.Failed, result.Outcome);
        Assert.Equal("result.txt", Assert.Single(result.Artifacts).Name);
    }
}
