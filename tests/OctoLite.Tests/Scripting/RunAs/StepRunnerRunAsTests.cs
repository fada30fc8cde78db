using OctoLite.Domain;
using OctoLite.Scripting.Runner;
using OctoLite.Scripting.RunAs;
using OctoLite.Scripting.Variables;
using OctoLite.Tests.Scripting.Runner;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Scripting.RunAs;

/// <summary>The runner with <see cref="StepRunRequest.RunAs"/>: real scripts as a throwaway account.</summary>
public sealed class StepRunnerRunAsTests
{
    [RunAsFact]
    public async Task RunAsync_RunsTheScriptAsTheAccount_WithItsGroups_AndItsEnvironment()
    {
        using var user = ThrowawayUser.Create();
        using var root = new AccountFolder();
        var account = RunAsAccount.Find(user.Name)!;
        var output = new StepOutputRecorder();
        var variables = new ScriptVariableSet();
        variables.Set("Greeting", "hello from a variable");

        var result = await RunAsync(account, root.Folder("step", "700"), variables, output, """
            id -un
            id -gn
            id -Gn | tr ' ' '\n' | sort | tr '\n' ' '; echo
            echo "$HOME|$USER|$LOGNAME|$TMPDIR"
            get_octopusvariable Greeting; echo
            touch made.txt && stat -c %U made.txt
            """);

        Assert.Equal(StepOutcome.Success, result.Outcome);
        var groups = string.Join(' ', new[] { user.Name, user.Group }.Order(StringComparer.Ordinal)) + " ";
        Assert.Equal([user.Name, user.Name, groups, $"{account.Home}|{user.Name}|{user.Name}|/tmp", "hello from a variable", user.Name], output.At(TaskLogLevel.Info));
    }

    [RunAsFact]
    public async Task RunAsync_HandsTheFolderOver_AndStillDeletesTheBootstrapFiles()
    {
        using var user = ThrowawayUser.Create();
        using var root = new AccountFolder();
        var account = RunAsAccount.Find(user.Name)!;
        var folder = root.Folder("step", "700");
        var output = new StepOutputRecorder();

        var result = await RunAsync(account, folder, new ScriptVariableSet(), output, "stat -c '%U %a %n' . .octolite-variables .octolite-bootstrap.sh Script.sh");

        Assert.Equal(StepOutcome.Success, result.Outcome);
        Assert.Equal([$"{user.Name} 700 .", $"{user.Name} 600 .octolite-variables", $"{user.Name} 600 .octolite-bootstrap.sh", $"{user.Name} 600 Script.sh"], output.At(TaskLogLevel.Info));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
        Assert.Equal(account.Uid, FileStatus.OfPath(folder)!.Value.Uid);
    }

    [RunAsFact]
    public async Task RunAsync_VariablesNamedLikeTheAccountsEnvironment_StillWin()
    {
        using var user = ThrowawayUser.Create();
        using var root = new AccountFolder();
        var variables = new ScriptVariableSet();
        variables.Set("HOME", "/srv/app");
        var output = new StepOutputRecorder();

        var result = await RunAsync(RunAsAccount.Find(user.Name)!, root.Folder("step", "700"), variables, output, "echo \"$HOME $USER\"");

        Assert.Equal(StepOutcome.Success, result.Outcome);
        Assert.Equal([$"/srv/app {user.Name}"], output.At(TaskLogLevel.Info));
    }

    [RunAsFact]
    public async Task RunAsync_CollectsOnlyArtifactsTheAccountCanRead_WarningAboutTheOthers()
    {
        using var user = ThrowawayUser.Create();
        using var root = new AccountFolder();
        var serverOnly = root.File("server-only.txt", "secret", "600");
        var output = new StepOutputRecorder();
        var folder = root.Folder("step", "700");

        var result = await RunAsync(RunAsAccount.Find(user.Name)!, folder, new ScriptVariableSet(), output, $"""
            printf 'mine' > mine.txt
            new_octopusartifact mine.txt
            new_octopusartifact /etc/shadow
            echo "##octopus[createArtifact path='$(printf %s '{serverOnly}' | base64 -w0)']"
            """);

        Assert.Equal(StepOutcome.Success, result.Outcome);
        Assert.Equal([new StepArtifact(Path.Combine(folder, "mine.txt"), "mine.txt", 4)], result.Artifacts);
        var warnings = output.At(TaskLogLevel.Warning);
        Assert.Contains($"Artifact 'shadow' was not collected: /etc/shadow is not a file that {user.Name}, the account the step runs as, can read (Permission denied).", warnings);
        Assert.Contains(warnings, w => w.StartsWith($"Artifact 'server-only.txt' was not collected: {serverOnly} is not a file that {user.Name}", StringComparison.Ordinal));
    }

    private static Task<StepRunResult> RunAsync(RunAsAccount account, string folder, ScriptVariableSet variables, StepOutputRecorder output, string script) =>
        new StepRunner().RunAsync(new StepRunRequest
        {
            Syntax = ScriptSyntax.Bash,
            Script = script,
            Variables = variables,
            WorkingFolder = folder,
            RunAs = account,
        }, output, TestTimeout.Token());
}
