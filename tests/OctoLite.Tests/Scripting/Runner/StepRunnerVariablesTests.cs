using System.Text;
using OctoLite.Domain;
using OctoLite.Scripting.Processes;
using OctoLite.Scripting.Runner;

namespace OctoLite.Tests.Scripting.Runner;

public sealed class StepRunnerVariablesTests
{
    [Fact]
    public async Task RunAsync_SubstitutesVariables_AndNamesUnknownOnesInOneVerboseLine()
    {
        using var run = new StepRun();
        run.Variables.Set("Greeting", "Hello");
        run.Variables.Set("Target", "#{Greeting} world");

        var result = await run.RunAsync("echo '#{Target} #{Missing.One} #{missing.one} #{Missing.Two} #{Greeting | ToUpper}'");

        Assert.Equal(StepOutcome.Success, result.Outcome);
        Assert.Equal(["Hello world #{Missing.One} #{missing.one} #{Missing.Two} #{Greeting | ToUpper}"], run.Output.At(TaskLogLevel.Info));
        var verbose = run.Output.At(TaskLogLevel.Verbose);
        Assert.Single(verbose, l => l.Contains("not defined", StringComparison.Ordinal) && l.EndsWith(": Missing.One, Missing.Two", StringComparison.Ordinal));
        Assert.Single(verbose, l => l.Contains("#{Greeting | ToUpper}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ReportsOutputVariables_AndMasksSensitiveOnesFromThenOn()
    {
        using var run = new StepRun();
        const string script = """
            set_octopusvariable Colour blue
            set_octopusvariable Token tok-4f9a-secret -sensitive
            echo "token is tok-4f9a-secret"
            """;

        var result = await run.RunAsync(script);

        Assert.Equal(StepOutcome.Success, result.Outcome);
        Assert.Equal([("Colour", "blue", false), ("Token", "tok-4f9a-secret", true)], run.Output.OutputVariables);
        Assert.Equal(["token is ********"], run.Output.At(TaskLogLevel.Info));
        Assert.Contains(run.Output.At(TaskLogLevel.Verbose), l => l.Contains("Colour", StringComparison.Ordinal));
        Assert.Contains(run.Output.At(TaskLogLevel.Verbose), l => l.Contains("Token (sensitive)", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Output.Texts, t => t.Contains("tok-4f9a", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_NeverLetsASensitiveValueReachTheSink()
    {
        using var run = new StepRun();
        const string secret = "hunter2-Pa55word";
        run.Variables.Set("Db.Password", secret, isSensitive: true);
        run.Variables.Set("Db.Url", "postgres://app:#{Db.Password}@db/app");
        const string script = """
            echo "substituted: #{Db.Password}"
            echo "from the environment: $Db_Password"
            echo "from the helper: $(get_octopusvariable Db.Password)"
            echo "base64: $(get_octopusvariable Db.Password | base64)"
            echo "evaluated: $(get_octopusvariable Db.Url)"
            echo "on stderr: #{Db.Password}" >&2
            set_octopusvariable Copy "#{Db.Password}"
            echo "##octopus[mask value='$(printf %s 'revealed-later' | base64)']"
            echo "now revealed-later is hidden"
            update_progress 50 "using #{Db.Password}"
            fail_step "could not connect with #{Db.Password}"
            """;

        var result = await run.RunAsync(script);

        Assert.Equal(StepOutcome.Failed, result.Outcome);
        Assert.Equal("could not connect with ********", result.ErrorMessage);
        // Base64 padding is left: the masker matches the unpadded form, whatever the padding.
        Assert.Equal(
            ["substituted: ********", "from the environment: ********", "from the helper: ********", "base64: ********==",
             "evaluated: postgres://app:********@db/app", "now ******** is hidden"],
            run.Output.At(TaskLogLevel.Info));
        Assert.Equal(["on stderr: ********"], run.Output.At(TaskLogLevel.Error));
        Assert.Equal([(50, "using ********")], run.Output.ProgressReports);
        // A value holding a secret is reported as sensitive even though the script did not say so.
        Assert.Equal([("Copy", secret, true)], run.Output.OutputVariables);
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)).TrimEnd('=');
        Assert.DoesNotContain(run.Output.Texts.Append(result.ErrorMessage), t => t.Contains(secret, StringComparison.Ordinal) || t.Contains(base64, StringComparison.Ordinal) || t.Contains("revealed-later", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ActsOnMaskMessagesWrittenToStderr()
    {
        using var run = new StepRun(answerSyncLines: true);
        // The pipes are read separately: the mask applies to stdout lines read after it, so wait until it has been.
        const string script = """
            echo "##octopus[mask value='$(printf %s 'stderr-secret' | base64)']" >&2
            echo "sync m" >&2; while [ ! -e go-m ]; do sleep 0.01; done
            echo 'stderr-secret'
            """;

        await run.RunAsync(script);

        Assert.Equal([(TaskLogLevel.Error, "sync m"), (TaskLogLevel.Info, "********")], run.Output.Lines);
    }

    [Fact]
    public async Task RunAsync_ExportsVariablesAsEnvironmentVariables_WithUnderscoresForOtherCharacters()
    {
        using var run = new StepRun();
        run.Variables.Set("Octopus.Task.Id", "ServerTasks-1");
        run.Variables.Set("Octopus.Action[Say hi].Output.X", "x-value");
        run.Variables.Set("A.B", "dot");
        run.Variables.Set("A_B", "unchanged name");
        run.Variables.Set("A-B", "dash");
        run.Variables.Set("C.D", "dot");
        run.Variables.Set("C-D", "dash");
        run.Variables.Set("Huge", new string('x', 200 * 1024));
        const string script = """
            echo "$Octopus_Task_Id|$Octopus_Action_Say_hi__Output_X|$A_B|$C_D|${Huge:-none}"
            sh -c 'echo "child: $Octopus_Task_Id"'
            env | cut -d= -f1 | sort > names.txt
            """;

        var result = await run.RunAsync(script);

        Assert.Equal(StepOutcome.Success, result.Outcome);
        // An unchanged name wins a collision, then the name last in ordinal order ('.' after '-').
        Assert.Equal(["ServerTasks-1|x-value|unchanged name|dot|none", "child: ServerTasks-1"], run.Output.At(TaskLogLevel.Info));
        Assert.Contains(run.Output.At(TaskLogLevel.Verbose), l => l.Contains("Not exported", StringComparison.Ordinal) && l.EndsWith(": A-B, A.B, C-D, Huge", StringComparison.Ordinal));
        string[] expected = [.. ScriptEnvironment.Baseline().Keys, "Octopus_Task_Id", "Octopus_Action_Say_hi__Output_X", "A_B", "C_D", "PWD", "SHLVL", "_", "OLDPWD"];
        Assert.All(await File.ReadAllLinesAsync(Path.Combine(run.Folder, "names.txt")), name => Assert.Contains(name, expected));
    }

    [Fact]
    public void EnvironmentName_ReplacesEveryCharacterOutsideLettersDigitsAndUnderscore()
    {
        Assert.Equal("Octopus_Action_Say__Output_X", StepEnvironment.Name("Octopus.Action[Say].Output.X"));
        Assert.Equal("Already_Fine_1", StepEnvironment.Name("Already_Fine_1"));
        Assert.Equal("caf__x", StepEnvironment.Name("café-x"));
    }
}
