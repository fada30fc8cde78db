using OctoLite.Domain;
using OctoLite.Scripting.Bootstrap;
using OctoLite.Scripting.Runner;
using OctoLite.Tests.Scripting.Bootstrap;

namespace OctoLite.Tests.Scripting.Runner;

public sealed class StepRunnerOutcomeTests
{
    [Fact]
    public async Task RunAsync_Fails_WhenTheScriptReturnsANonZeroExitCode()
    {
        using var run = new StepRun();

        var result = await run.RunAsync("echo working\nexit 3");

        Assert.Equal(StepOutcome.Failed, result.Outcome);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("The script returned exit code 3.", result.ErrorMessage);
        Assert.Equal(["working"], run.Output.At(TaskLogLevel.Info));
    }

    [Fact]
    public async Task RunAsync_FailsWithTheFailStepReason()
    {
        using var run = new StepRun();

        var result = await run.RunAsync("fail_step 'The deployment target is offline'\necho never");

        Assert.Equal(StepOutcome.Failed, result.Outcome);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("The deployment target is offline", result.ErrorMessage);
        Assert.Empty(run.Output.Lines);
    }

    // Test methods are public and StepOutcome is internal, so the theory names the outcome.
    [Theory]
    [InlineData(null, nameof(StepOutcome.Success))]
    [InlineData("False", nameof(StepOutcome.Success))]
    [InlineData("True", nameof(StepOutcome.Failed))]
    [InlineData(" true ", nameof(StepOutcome.Failed))]
    public async Task RunAsync_FailsOnErrorOutput_OnlyWhenFailScriptOnErrorOutputIsTrue(string? setting, string outcomeName)
    {
        var expected = Enum.Parse<StepOutcome>(outcomeName);
        using var run = new StepRun();
        if (setting is not null)
            run.Variables.Set("Octopus.Action.FailScriptOnErrorOutput", setting);

        var result = await run.RunAsync("echo 'something went wrong' >&2\necho done");

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["something went wrong"], run.Output.At(TaskLogLevel.Error));
        if (expected == StepOutcome.Failed)
            Assert.Contains("Octopus.Action.FailScriptOnErrorOutput", result.ErrorMessage);
    }

    [Fact]
    public async Task RunAsync_DoesNotFailOnErrorOutput_ThatWasLoggedAsProgressOrIgnored()
    {
        using var run = new StepRun(answerSyncLines: true);
        run.Variables.Set("Octopus.Action.FailScriptOnErrorOutput", "True");
        const string script = """
            echo '##octopus[stderr-progress]'; echo "sync p"; while [ ! -e go-p ]; do sleep 0.01; done
            echo 'sync cloning' >&2; while [ ! -e go-cloning ]; do sleep 0.01; done
            echo '##octopus[stderr-ignore]'; echo "sync i"; while [ ! -e go-i ]; do sleep 0.01; done
            echo 'ignored' >&2
            """;

        var result = await run.RunAsync(script);

        Assert.Equal(StepOutcome.Success, result.Outcome);
        Assert.Equal(["sync cloning"], run.Output.At(TaskLogLevel.Verbose));
    }

    [Fact]
    public async Task RunAsync_Fails_WhenTheInterpreterIsMissing()
    {
        using var run = new StepRun();
        var request = run.Request("print('hi')", ScriptSyntax.Python) with { SearchPath = "/nonexistent-octolite-path" };

        var result = await run.RunAsync(request);

        Assert.Equal(StepOutcome.Failed, result.Outcome);
        Assert.Null(result.ExitCode);
        Assert.Equal(Interpreters.MissingMessage(ScriptSyntax.Python), result.ErrorMessage);
        Assert.Equal([(TaskLogLevel.Error, result.ErrorMessage)], run.Output.Lines);
        Assert.Empty(result.Artifacts);
        Assert.Empty(run.Files());
    }

    [Fact]
    public async Task RunAsync_DeletesTheBootstrapFiles_AndKeepsTheScriptsOwn()
    {
        using var run = new StepRun();
        run.Variables.Set("Secret", "s3cr3t-value", isSensitive: true);

        var result = await run.RunAsync("ls -A > listing.txt\nmkdir out && echo data > out/file.txt\nexit 4");

        Assert.Equal(StepOutcome.Failed, result.Outcome);
        Assert.Equal([".octolite-bootstrap.sh", ".octolite-variables", "Script.sh"], File.ReadAllLines(Path.Combine(run.Folder, "listing.txt")).Where(f => f != "listing.txt"));
        Assert.Equal(["listing.txt", "out", Path.Combine("out", "file.txt")], run.Files());
    }

    [Fact]
    public async Task RunAsync_AppliesWrapCommand_ToTheArgvBeforeStarting()
    {
        using var run = new StepRun();
        IReadOnlyList<string>? seen = null;
        var request = run.Request("echo \"args: $*\"") with
        {
            WrapCommand = argv => { seen = argv; return ["/usr/bin/env", "OCTOLITE_WRAPPED=yes", .. argv]; },
        };
        request.Variables.Set("Marker", "m");

        var result = await run.RunAsync(request with { Script = "echo \"wrapped: $OCTOLITE_WRAPPED\"" });

        Assert.Equal(StepOutcome.Success, result.Outcome);
        Assert.NotNull(seen);
        Assert.EndsWith(".octolite-bootstrap.sh", seen[^1], StringComparison.Ordinal);
        Assert.Equal(["wrapped: yes"], run.Output.At(TaskLogLevel.Info));
    }

    [Fact]
    public async Task RunAsync_RunsPython()
    {
        using var run = new StepRun();
        run.Variables.Set("Name", "Ada");
        const string script = """
            import sys
            print('Hello ' + get_octopusvariable('Name') + ' #{Name}')
            set_octopusvariable('Out', 'from python')
            printwarning('careful')
            print('to stderr', file=sys.stderr)
            failstep('python gave up')
            """;

        var result = await run.RunAsync(script, ScriptSyntax.Python);

        Assert.Equal(StepOutcome.Failed, result.Outcome);
        Assert.Equal(255, result.ExitCode);
        Assert.Equal("python gave up", result.ErrorMessage);
        Assert.Equal(["Hello Ada Ada"], run.Output.At(TaskLogLevel.Info));
        Assert.Equal(["careful"], run.Output.At(TaskLogLevel.Warning));
        Assert.Equal(["to stderr"], run.Output.At(TaskLogLevel.Error));
        Assert.Equal([("Out", "from python", false)], run.Output.OutputVariables);
    }

    [Fact]
    public async Task RunAsync_RunsSh()
    {
        using var run = new StepRun();
        run.Variables.Set("Octopus.Task.Id", "ServerTasks-7");

        var result = await run.RunAsync("echo \"task $Octopus_Task_Id $(get_octopusvariable Octopus.Task.Id)\"\nwrite_highlight 'from sh'", ScriptSyntax.Sh);

        Assert.Equal(StepOutcome.Success, result.Outcome);
        Assert.Equal([(TaskLogLevel.Info, "task ServerTasks-7 ServerTasks-7"), (TaskLogLevel.Highlight, "from sh")], run.Output.Lines);
    }

    [PwshFact]
    public async Task RunAsync_RunsPowerShell()
    {
        using var run = new StepRun();
        run.Variables.Set("Name", "Ada");
        const string script = """
            Write-Host "Hello $($OctopusParameters['Name']) $env:Name #{Name}"
            Set-OctopusVariable -name 'Out' -value 'from pwsh'
            Write-Warning 'careful'
            exit 5
            """;

        var result = await run.RunAsync(script, ScriptSyntax.PowerShell);

        Assert.Equal(StepOutcome.Failed, result.Outcome);
        Assert.Equal(5, result.ExitCode);
        Assert.Equal(["Hello Ada Ada Ada"], run.Output.At(TaskLogLevel.Info));
        Assert.Equal(["careful"], run.Output.At(TaskLogLevel.Warning));
        Assert.Equal([("Out", "from pwsh", false)], run.Output.OutputVariables);
    }
}
