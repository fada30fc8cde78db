using System.Text.Json.Nodes;
using OctoLite.Tests.Cli;
using OctoLite.Tests.Support;
using OctoLite.Tui.Screens;

namespace OctoLite.Tests.Tui.Screens;

/// <summary>Real tasks for the task screens: a project "Ops" with runbooks of bash steps, run through the CLI.</summary>
internal static class TaskScreenSeed
{
    public const string Secret = "tui-S3cret-4471";

    /// <summary>A finished two-step run with lines of every colour: ServerTasks-1.</summary>
    public static async Task FinishedRunAsync(RunningServer server)
    {
        var cli = new TaskCli(server);
        await cli.ProjectAsync();
        await cli.RunbookAsync("Deploy site",
            TaskCli.Bash("Build", """
                echo "Compiling 3 projects"
                write_verbose "cache hit for web.csproj"
                write_highlight "Build 1.4.2 ready"
                write_warning "2 deprecated APIs in use"
                echo "apple one"
                """),
            TaskCli.Bash("Publish", """
                echo "Uploading to the site"
                echo "apple two"
                echo "Done"
                """));
        await RunAndWaitAsync(cli, "Deploy site");
    }

    public static async Task RunAndWaitAsync(TaskCli cli, string runbook)
    {
        var run = await cli.RunAsync("runbook", "run", runbook, "--project", TaskCli.Project, "--wait");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
    }

    /// <summary>Creates a runbook of one bash step and queues it without waiting; returns the task's id.</summary>
    public static async Task<string> QueueAsync(RunningServer server, string runbook, string script)
    {
        var cli = new TaskCli(server);
        if ((await cli.RunAsync("project", "show", TaskCli.Project)).ExitCode != 0)
            await cli.ProjectAsync();
        await cli.RunbookAsync(runbook, TaskCli.Bash("Run", script));
        return await cli.QueueAsync(runbook);
    }

    /// <summary>Asks the shell to load the screen again until <paramref name="done"/> holds.</summary>
    public static void RefreshUntil(ShellHarness shell, Func<bool> done, string what, int seconds = 20)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                shell.PumpUntil(() =>
                {
                    shell.Window.RefreshNow();
                    return done();
                }, what);
                return;
            }
            catch (TimeoutException) when (clock.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                // PumpUntil gives up after 10 s; a slow script may need longer.
            }
        }
    }

    /// <summary>Opens <c>:task ID</c> and waits until the task has ended and its whole log is shown.</summary>
    public static TaskScreen OpenFinished(ShellHarness shell, string id)
    {
        Assert.True(shell.Window.Go("task", id));
        var screen = shell.Current<TaskScreen>();
        RefreshUntil(shell, () => screen.IsComplete, $"{id} to be read to the end");
        return screen;
    }

    public static JsonObject Step(string name, string script) => TaskCli.Bash(name, script);
}

/// <summary>A clock standing still, in UTC, so times render the same on every machine.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 9, 30, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
