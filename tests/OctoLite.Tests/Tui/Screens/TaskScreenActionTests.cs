using OctoLite.Domain;
using OctoLite.Tests.Cli;
using OctoLite.Tui;
using OctoLite.Tui.Screens;
using OctoLite.Tui.Widgets;
using Terminal.Gui.Input;

namespace OctoLite.Tests.Tui.Screens;

[Collection(TuiCollection.Name)]
public sealed class TaskScreenActionTests
{
    [Fact]
    public async Task Cancel_ARunningTask_FromTheScreen_AfterConfirming()
    {
        await using var shell = await ShellHarness.StartAsync("tasks");
        var id = await TaskScreenSeed.QueueAsync(shell.Server, "Sleepy", "echo started; sleep 60");
        Assert.True(shell.Window.Go("task", id));
        var screen = shell.Current<TaskScreen>();
        TaskScreenSeed.RefreshUntil(shell, () => screen.Log.LineCount > 0 && screen.Log.VisibleRows().Any(r => r.EndsWith("started", StringComparison.Ordinal)), "the script to start");

        TaskScreenModals.Run(shell.Headless, () => shell.Type("c"), TaskScreenModals.Answer("Yes"));

        shell.PumpUntil(() => shell.Window.HintText.StartsWith("Cancelling " + id, StringComparison.Ordinal), "the cancel");
        TaskScreenSeed.RefreshUntil(shell, () => screen.Task?.State == TaskState.Canceled && screen.IsComplete, "the task to be canceled");
        Assert.Contains("Canceled", screen.HeaderText[1]);
        Assert.Contains("Canceled", shell.Screen());
    }

    [Fact]
    public async Task Cancel_Declined_LeavesTheTaskRunning()
    {
        await using var shell = await ShellHarness.StartAsync("tasks");
        var id = await TaskScreenSeed.QueueAsync(shell.Server, "Sleepy", "echo started; sleep 60");
        Assert.True(shell.Window.Go("task", id));
        var screen = shell.Current<TaskScreen>();
        TaskScreenSeed.RefreshUntil(shell, () => screen.Task?.State == TaskState.Executing, "the task to run");

        TaskScreenModals.Run(shell.Headless, () => shell.Type("c"), TaskScreenModals.Answer("No"));

        Assert.Equal(TaskState.Executing, (await shell.Api.TaskAsync(id, CancellationToken.None)).State);
        await shell.Api.CancelTaskAsync(id, CancellationToken.None);
    }

    [Fact]
    public async Task OutputVariables_ShowValues_AndMaskSensitiveOnes()
    {
        await using var shell = await ShellHarness.StartAsync("tasks", seed: async server =>
        {
            var cli = new TaskCli(server);
            await cli.ProjectAsync();
            await cli.VariableAsync("Password", TaskScreenSeed.Secret, sensitive: true);
            await cli.RunbookAsync("Pass", TaskCli.Bash("Make", """
                set_octopusvariable "Colour" "blue"
                set_octopusvariable "Token" "#{Password}-derived" -sensitive
                """));
            await TaskScreenSeed.RunAndWaitAsync(cli, "Pass");
        });
        var screen = TaskScreenSeed.OpenFinished(shell, "1");
        var rendered = "";
        IReadOnlyList<OutputVariable> rows = [];

        shell.Headless.WithModal<TaskTableDialog<OutputVariable>>(() => shell.Type("v"), dialog =>
        {
            rows = dialog.Table.Shown;
            rendered = shell.Screen();
            shell.Press(Key.Esc);
        });

        Assert.Contains(rows, r => r is { Name: "Colour", Value: "blue" });
        Assert.Contains(rows, r => r is { Name: "Token", IsSensitive: true });
        Assert.Matches(@"Octopus\.Action\[Make\]\.Output\.Colour\s+blue", rendered);
        Assert.Matches(@"Octopus\.Action\[Make\]\.Output\.Token\s+\*{8}", rendered);
        Assert.DoesNotContain(TaskScreenSeed.Secret, rendered);
        Assert.Equal(1, shell.Window.Depth);
        Assert.Same(screen, shell.Window.CurrentScreen);
    }

    [Fact]
    public async Task Artifact_SavedToAFile_ByteForByte_AndNotOverwrittenWithoutConfirming()
    {
        var original = new byte[120_000];
        new Random(7).NextBytes(original);
        string folder = "";
        await using var shell = await ShellHarness.StartAsync("tasks", seed: async server =>
        {
            var cli = new TaskCli(server);
            folder = cli.Folder;
            var input = Path.Combine(folder, "input.bin");
            await File.WriteAllBytesAsync(input, original);
            await cli.ProjectAsync();
            await cli.RunbookAsync("Report", TaskCli.Bash("Make", $"""
                cp '{input}' data.bin
                new_octopusartifact "$PWD/data.bin" "report.bin"
                """));
            await TaskScreenSeed.RunAndWaitAsync(cli, "Report");
        });
        TaskScreenSeed.OpenFinished(shell, "ServerTasks-1");
        var target = Path.Combine(folder, "saved.bin");

        TaskScreenModals.Run(shell.Headless, () => shell.Type("a"),
            TaskScreenModals.Step<TaskTableDialog<Artifact>>(dialog =>
            {
                Assert.Equal("report.bin", Assert.Single(dialog.Table.Shown).Filename);
                shell.Press(Key.Enter);
            }),
            TaskScreenModals.Step<FormDialog>(dialog =>
            {
                dialog.Fields[0].Text = target;
                shell.Press(Key.Enter);
            }));

        shell.PumpUntil(() => shell.Window.HintText.StartsWith("Saved report.bin", StringComparison.Ordinal) || shell.Window.HintIsError, "the download");
        Assert.False(shell.Window.HintIsError, shell.Window.HintText);
        Assert.Equal(original, await File.ReadAllBytesAsync(target));

        await File.WriteAllTextAsync(target, "keep me");
        TaskScreenModals.Run(shell.Headless, () => shell.Type("a"),
            TaskScreenModals.Step<TaskTableDialog<Artifact>>(_ => shell.Press(Key.Enter)),
            TaskScreenModals.Step<FormDialog>(dialog =>
            {
                dialog.Fields[0].Text = target;
                shell.Press(Key.Enter);
            }),
            TaskScreenModals.Answer("No"));

        Assert.Contains("Not saved", shell.Window.HintText);
        Assert.Equal("keep me", await File.ReadAllTextAsync(target));
        Assert.Empty(Directory.EnumerateFiles(folder, "*.part"));
    }

    [Fact]
    public async Task Approve_APendingManualIntervention_LetsTheRunFinish()
    {
        await using var shell = await ShellHarness.StartAsync("tasks");
        var cli = new TaskCli(shell.Server);
        await cli.ProjectAsync();
        await cli.RunbookAsync("Gated",
            new System.Text.Json.Nodes.JsonObject { ["name"] = "Gate", ["kind"] = "ManualIntervention", ["instructions"] = "Check the dashboard." },
            TaskCli.Bash("After", "echo after the gate"));
        var id = await cli.QueueAsync("Gated");
        Assert.True(shell.Window.Go("task", id));
        var screen = shell.Current<TaskScreen>();
        TaskScreenSeed.RefreshUntil(shell, () => screen.HeaderText.Count > 2 && screen.HeaderText[2].StartsWith("Waiting for approval at 'Gate'", StringComparison.Ordinal), "the intervention");
        Assert.Contains("Check the dashboard.", shell.Screen());

        shell.Headless.WithModals(() => shell.Type("A"),
            form =>
            {
                ((FormDialog)form).Fields[0].Text = "looked fine";
                shell.Press(Key.Enter);
            },
            confirm => HeadlessApp.Press(confirm, "Yes"));

        shell.PumpUntil(() => shell.Window.HintText.StartsWith("Proceeding past step 'Gate'", StringComparison.Ordinal) || shell.Window.HintIsError, "the approval");
        Assert.False(shell.Window.HintIsError, shell.Window.HintText);
        TaskScreenSeed.RefreshUntil(shell, () => screen.IsComplete, "the run to finish");
        Assert.Equal(TaskState.Success, screen.Task?.State);
        Assert.Contains(screen.Log.VisibleRows(), r => r.EndsWith("after the gate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QueuedTask_SaysWhatItWaitsFor()
    {
        await using var shell = await ShellHarness.StartAsync("tasks");
        var cli = new TaskCli(shell.Server);
        await cli.ProjectAsync();
        Assert.Equal(0, (await cli.RunAsync("environment", "create", "--name", "Staging")).ExitCode);
        await cli.RunbookAsync("Sleepy", TaskCli.Bash("Nap", "sleep 60"));
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var run = await cli.RunAsync("runbook", "run", "Sleepy", "--project", TaskCli.Project, "--environment", "Staging", "-o", "json");
            Assert.True(run.ExitCode == 0, run.Error);
            ids.Add(System.Text.Json.Nodes.JsonNode.Parse(run.Out)!["Id"]!.GetValue<string>());
        }

        try
        {
            Assert.True(shell.Window.Go("task", ids[1]));
            var screen = shell.Current<TaskScreen>();
            TaskScreenSeed.RefreshUntil(shell, () => screen.HeaderText.Count > 2 && screen.HeaderText[2].StartsWith("Waiting: ", StringComparison.Ordinal), "the reason it waits");

            Assert.Equal(TaskState.Queued, screen.Task?.State);
            Assert.Contains(ids[0], screen.HeaderText[2]);
            Assert.Contains("Waiting: ", shell.Screen());
        }
        finally
        {
            foreach (var id in ids)
                await shell.Api.CancelTaskAsync(id, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Abort_APendingManualIntervention_FailsTheRun()
    {
        await using var shell = await ShellHarness.StartAsync("tasks");
        var cli = new TaskCli(shell.Server);
        await cli.ProjectAsync();
        await cli.RunbookAsync("Gated",
            new System.Text.Json.Nodes.JsonObject { ["name"] = "Gate", ["kind"] = "ManualIntervention", ["instructions"] = "Check the dashboard." },
            TaskCli.Bash("After", "echo after the gate"));
        var id = await cli.QueueAsync("Gated");
        Assert.True(shell.Window.Go("task", id));
        var screen = shell.Current<TaskScreen>();
        TaskScreenSeed.RefreshUntil(shell, () => screen.Task?.HasPendingInterruptions == true, "the intervention");

        shell.Headless.WithModals(() => shell.Type("X"),
            form => shell.Press(Key.Enter),
            confirm => HeadlessApp.Press(confirm, "Yes"));

        shell.PumpUntil(() => shell.Window.HintText.StartsWith("Aborted at step 'Gate'", StringComparison.Ordinal) || shell.Window.HintIsError, "the abort");
        Assert.False(shell.Window.HintIsError, shell.Window.HintText);
        TaskScreenSeed.RefreshUntil(shell, () => screen.IsComplete, "the run to end");
        Assert.Equal(TaskState.Failed, screen.Task?.State);
        Assert.DoesNotContain(screen.Log.VisibleRows(), r => r.EndsWith("after the gate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Abort_EnterThroughTheNoteAndTheQuestion_LeavesTheInterventionPending()
    {
        await using var shell = await ShellHarness.StartAsync("tasks");
        var cli = new TaskCli(shell.Server);
        await cli.ProjectAsync();
        await cli.RunbookAsync("Gated",
            new System.Text.Json.Nodes.JsonObject { ["name"] = "Gate", ["kind"] = "ManualIntervention", ["instructions"] = "Check the dashboard." },
            TaskCli.Bash("After", "echo after the gate"));
        var id = await cli.QueueAsync("Gated");
        Assert.True(shell.Window.Go("task", id));
        var screen = shell.Current<TaskScreen>();
        TaskScreenSeed.RefreshUntil(shell, () => screen.Task?.HasPendingInterruptions == true, "the intervention");

        shell.Headless.WithModals(() => shell.Type("X"),
            form => shell.Press(Key.Enter),
            confirm => shell.Press(Key.Enter));

        Assert.DoesNotContain("Aborting", shell.Window.HintText, StringComparison.Ordinal);
        var task = await shell.Api.TaskAsync(id, CancellationToken.None);
        Assert.True(task.HasPendingInterruptions);
        Assert.False(task.IsCompleted);
    }

    [Fact]
    public async Task Rerun_RunsTheSameRunbookInTheSameEnvironment_AndOpensTheNewTask()
    {
        await using var shell = await ShellHarness.StartAsync("tasks", seed: async server =>
        {
            var cli = new TaskCli(server);
            await cli.ProjectAsync();
            Assert.Equal(0, (await cli.RunAsync("environment", "create", "--name", "Staging")).ExitCode);
            await cli.RunbookAsync("Say", TaskCli.Bash("Greet", "echo \"in #{Octopus.Environment.Name}\""));
            var run = await cli.RunAsync("runbook", "run", "Say", "--project", TaskCli.Project, "--environment", "Staging", "--wait");
            Assert.True(run.ExitCode == 0, run.Out + run.Error);
        });
        var first = TaskScreenSeed.OpenFinished(shell, "ServerTasks-1");

        TaskScreenModals.Run(shell.Headless, () => shell.Type("r"), TaskScreenModals.Answer("Yes"));

        shell.PumpUntil(() => shell.Window.CurrentScreen is TaskScreen { Caption: "Task ServerTasks-2" }, "the new task to open");
        Assert.Equal(2, shell.Window.Depth);
        var again = shell.Current<TaskScreen>();
        TaskScreenSeed.RefreshUntil(shell, () => again.IsComplete, "the new run to finish");
        Assert.Equal(TaskState.Success, again.Task?.State);
        Assert.Equal(first.Task!.RunbookId, again.Task!.RunbookId);
        Assert.Equal(first.Task.EnvironmentId, again.Task.EnvironmentId);
        Assert.Contains(again.Log.VisibleRows(), r => r.EndsWith("in Staging", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rerun_ADeployment_DeploysTheSameReleaseToTheSameEnvironment()
    {
        await using var shell = await ShellHarness.StartAsync("tasks", seed: async server =>
        {
            var cli = new TaskCli(server);
            await cli.ProjectAsync();
            var process = Path.Combine(cli.Folder, "deploy-process.json");
            await File.WriteAllTextAsync(process, new System.Text.Json.Nodes.JsonObject { ["steps"] = new System.Text.Json.Nodes.JsonArray(TaskCli.Bash("Ship", "echo \"shipping #{Octopus.Release.Number}\"")) }.ToJsonString());
            foreach (string[] args in new[]
            {
                new[] { "project", "process", "set", "--project", TaskCli.Project, "--file", process },
                ["release", "create", "--project", TaskCli.Project, "--version", "1.0.7"],
                ["environment", "create", "--name", "Production"],
                ["deploy", "--project", TaskCli.Project, "--release", "1.0.7", "--environment", "Production", "--wait"],
            })
            {
                var done = await cli.RunAsync(args);
                Assert.True(done.ExitCode == 0, string.Join(" ", args) + "\n" + done.Out + done.Error);
            }
        });
        var first = TaskScreenSeed.OpenFinished(shell, "ServerTasks-1");
        Assert.Equal(TaskKind.Deploy, first.Task!.Kind);

        TaskScreenModals.Run(shell.Headless, () => shell.Type("r"), TaskScreenModals.Answer("Yes"));

        shell.PumpUntil(() => shell.Window.CurrentScreen is TaskScreen { Caption: "Task ServerTasks-2" } || shell.Window.HintIsError, "the new deployment to open");
        Assert.False(shell.Window.HintIsError, shell.Window.HintText);
        var again = shell.Current<TaskScreen>();
        TaskScreenSeed.RefreshUntil(shell, () => again.IsComplete, "the new deployment to finish");
        Assert.Equal(TaskState.Success, again.Task?.State);
        Assert.Equal((first.Task.ReleaseId, first.Task.EnvironmentId), (again.Task!.ReleaseId, again.Task.EnvironmentId));
    }

    [Fact]
    public async Task ReadOnly_HidesAndRefusesCancelApproveAbortAndRerun()
    {
        await using var shell = await ShellHarness.StartAsync("tasks", options: new TuiOptions(ReadOnly: true), seed: TaskScreenSeed.FinishedRunAsync);
        TaskScreenSeed.OpenFinished(shell, "ServerTasks-1");

        Assert.DoesNotContain(shell.Window.Hints, h => h is "c Cancel" or "A Approve" or "X Abort" or "r Rerun");
        Assert.Contains("f Follow", shell.Window.Hints);
        shell.Type("r");

        Assert.True(shell.Window.HintIsError);
        Assert.Contains("Read-only", shell.Window.HintText);
        Assert.Single((await shell.Api.TasksAsync(null, 10, CancellationToken.None)).Items);
    }
}
