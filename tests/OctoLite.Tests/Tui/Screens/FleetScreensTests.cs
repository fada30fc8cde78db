using OctoLite.Tests.Snapshots;
using OctoLite.Tui;
using OctoLite.Tui.Screens;
using OctoLite.Tui.Widgets;
using Terminal.Gui.Input;

namespace OctoLite.Tests.Tui.Screens;

/// <summary>The dashboard, configuration, projects and audit screens against a real server.</summary>
[Collection(TuiCollection.Name)]
public sealed class FleetScreensTests
{
    private const string Process = """
        {"steps":[{"name":"Hello","kind":"RunScript","syntax":"Bash","script":"echo hello from the runbook"}]}
        """;

    private static async Task SeedFleet(Support.RunningServer server)
    {
        Assert.Equal(0, (await server.CliAsync("pool", "create", "--name", "Linux")).ExitCode);
        Assert.Equal(0, (await server.CliAsync("worker", "register-listening", "--name", "web-1", "--uri", "https://127.0.0.1:1/", "--thumbprint", new string('A', 40), "--pool", "Default Worker Pool", "--no-check")).ExitCode);
    }

    private static async Task SeedProject(Support.RunningServer server)
    {
        var file = Path.Combine(server.Paths.Directory, "..", "process.json");
        await File.WriteAllTextAsync(file, Process);
        Assert.Equal(0, (await server.CliAsync("project", "create", "--name", "Shop")).ExitCode);
        Assert.Equal(0, (await server.CliAsync("runbook", "create", "--project", "Shop", "--name", "Say hello", "--file", file)).ExitCode);
        Assert.Equal(0, (await server.CliAsync("project", "create", "--name", "Empty")).ExitCode);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public async Task Dashboard_ShowsQueueWorkersAndTheBuiltInWorker(int width, int height)
    {
        await using var shell = await ShellHarness.StartAsync("dashboard", width: width, height: height, seed: SeedFleet);
        shell.Refresh();

        var screen = shell.Screen();

        Snapshot.Verify(screen, testName: $"Dashboard_{width}x{height}");
        Assert.Contains("superseded by the 1 worker(s) in Default Worker Pool", screen);
        Assert.Contains("0 executing of a cap of 5", screen);
    }

    [Fact]
    public async Task Dashboard_SaysWhenTheBuiltInWorkerIsOff_OrRunsTheDefaultPool()
    {
        await using var shell = await ShellHarness.StartAsync("dashboard");
        shell.Refresh();
        Assert.Contains("on: runs the steps of Default Worker Pool", shell.Screen());

        Assert.Equal(0, (await shell.Server.CliAsync("config", "set", "builtInWorker.enabled", "false")).ExitCode);
        shell.Refresh();

        Assert.Contains("off (builtInWorker.enabled is false)", shell.Screen());
    }

    [Fact]
    public async Task FirstScreen_IsTheDashboard_AndColonCommandsSwitchScreens()
    {
        await using var shell = await ShellHarness.StartAsync("");
        Assert.IsType<DashboardScreen>(shell.Window.CurrentScreen);
        shell.Type(":");
        Assert.True(shell.Window.CommandLineIsOpen, "the command line did not open");
        shell.Press(Key.Esc);

        foreach (var (command, expected) in new[] { ("pools", typeof(PoolsScreen)), ("settings", typeof(ConfigScreen)), ("rb", typeof(ProjectsScreen)), ("audit", typeof(AuditScreen)), ("dash", typeof(DashboardScreen)) })
        {
            shell.Type(":" + command);
            shell.Press(Key.Enter);
            Assert.IsType(expected, shell.Window.CurrentScreen);
            Assert.Equal(1, shell.Window.Depth);
        }
    }

    [Fact]
    public async Task Config_TaskCap_IsChangedAfterConfirming_AndAudited()
    {
        await using var shell = await ShellHarness.StartAsync("config");
        shell.Refresh();
        var config = shell.Current<ConfigScreen>();
        Assert.True(config.Table.Select("taskCap"));

        shell.Headless.WithModals(
            () => shell.Press(Key.Enter),
            form =>
            {
                ((FormDialog)form).Fields[0].Text = "7";
                HeadlessApp.Press(form, "OK");
            },
            confirm => HeadlessApp.Press(confirm, "Yes"));

        shell.PumpUntil(() => shell.Window.HintText == "taskCap = 7", "the saved setting");
        Assert.Equal(7, (await shell.Api.ConfigurationAsync(CancellationToken.None)).TaskCap);
        var audit = await shell.Api.AuditAsync(10, CancellationToken.None);
        Assert.Contains(audit, e => e.DocumentType.Contains("Configuration", StringComparison.OrdinalIgnoreCase) && e.Details.Contains("TaskCap", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Config_ABadValue_IsRefusedWithTheReason_AndNothingChanges()
    {
        await using var shell = await ShellHarness.StartAsync("config");
        shell.Refresh();
        shell.Current<ConfigScreen>().Table.Select("taskCap");

        shell.Headless.WithModals(
            () => shell.Press(Key.Enter),
            form =>
            {
                ((FormDialog)form).Fields[0].Text = "lots";
                HeadlessApp.Press(form, "OK");
            });

        Assert.True(shell.Window.HintIsError);
        Assert.Contains("taskCap must be a whole number", shell.Window.HintText);
        Assert.Equal(5, (await shell.Api.ConfigurationAsync(CancellationToken.None)).TaskCap);
    }

    [Fact]
    public async Task Config_SmtpPassword_IsTypedMasked_AndAnEmptyOneAsksToRemoveIt()
    {
        await using var shell = await ShellHarness.StartAsync("config", seed: async server =>
        {
            foreach (var (key, value) in new[] { ("smtp.host", "mail.example"), ("smtp.from", "octolite@example.com"), ("smtp.username", "octo"), ("smtp.password", "s3cret") })
            {
                var (exitCode, output, error) = await server.CliAsync("config", "set", key, value);
                Assert.True(exitCode == 0, output + error);
            }
        });
        shell.Refresh();
        Assert.True(shell.Current<ConfigScreen>().Table.Select("smtp.password"));
        var question = "";

        shell.Headless.WithModals(
            () => shell.Press(Key.Enter),
            form =>
            {
                var field = ((FormDialog)form).Fields[0];
                Assert.True(field.Secret);
                Assert.Equal("", field.Text);
                HeadlessApp.Press(form, "OK");
            },
            confirm =>
            {
                question = string.Concat(WorkersScreenTests.Descendants((Terminal.Gui.ViewBase.View)confirm).Select(v => v.Text));
                HeadlessApp.Press(confirm, "Yes");
            });

        Assert.Contains("Remove the SMTP password?", question, StringComparison.Ordinal);
        shell.PumpUntil(() => shell.Window.HintText == "smtp.password = not set", "the password to be removed");
        Assert.False((await shell.Api.ConfigurationAsync(CancellationToken.None)).SmtpPasswordIsSet);
    }

    [Fact]
    public async Task Config_DeclinedConfirmation_ChangesNothing()
    {
        await using var shell = await ShellHarness.StartAsync("config");
        shell.Refresh();
        shell.Current<ConfigScreen>().Table.Select("builtInWorker.enabled");

        shell.Headless.WithModals(
            () => shell.Press(Key.Enter),
            form =>
            {
                ((FormDialog)form).Fields[0].Text = "false";
                HeadlessApp.Press(form, "OK");
            },
            confirm => HeadlessApp.Press(confirm, "No"));

        Assert.True((await shell.Api.ConfigurationAsync(CancellationToken.None)).BuiltInWorkerEnabled);
    }

    [Fact]
    public async Task Config_ReadOnly_RefusesEditing()
    {
        await using var shell = await ShellHarness.StartAsync("config", options: new TuiOptions(ReadOnly: true));
        shell.Refresh();

        shell.Press(Key.Enter);

        Assert.True(shell.Window.HintIsError);
        Assert.Contains("Read-only", shell.Window.HintText);
    }

    [Fact]
    public async Task Projects_RunARunbook_QueuesARealTask_ThatSucceeds()
    {
        await using var shell = await ShellHarness.StartAsync("projects", seed: SeedProject);
        shell.Refresh();
        var projects = shell.Current<ProjectsScreen>();
        Assert.Equal(["Empty/-", "Shop/Say hello"], projects.Table.Shown.Select(r => $"{r.Project.Name}/{r.Runbook?.Name ?? "-"}"));
        projects.Table.Select(projects.Table.Shown[1].Key);

        shell.Headless.WithModals(() => shell.Type("r"), form => HeadlessApp.Press(form, "OK"));

        shell.PumpUntil(() => shell.Window.HintText.StartsWith("Queued ", StringComparison.Ordinal), "the run to be queued");
        Assert.StartsWith("Queued " + projects.Opened, shell.Window.HintText);
        var wait = await shell.Server.CliAsync("task", "wait", projects.Opened!, "--timeout", "30");
        Assert.Equal(0, wait.ExitCode);
        var log = await shell.Server.CliAsync("task", "log", projects.Opened!);
        Assert.Contains("hello from the runbook", log.Out);

        // The new task opened on top, titled with its id once loaded; there "/" searches its log.
        Assert.IsType<TaskScreen>(shell.Window.CurrentScreen);
        shell.PumpUntil(() => shell.Screen().Contains($"OctoLite - Task {projects.Opened}", StringComparison.Ordinal), "the task's title");
        Assert.Contains("/ Search", shell.Window.Hints);
    }

    [Fact]
    public async Task Projects_RunOnAProjectWithoutRunbooks_SaysSo()
    {
        await using var shell = await ShellHarness.StartAsync("projects", seed: SeedProject);
        shell.Refresh();

        shell.Type("r");

        Assert.True(shell.Window.HintIsError);
        Assert.Equal("Empty has no runbooks.", shell.Window.HintText);
    }

    [Fact]
    public async Task Audit_ListsChangesNewestFirst_AndFilters()
    {
        await using var shell = await ShellHarness.StartAsync("audit", seed: SeedFleet);
        shell.Refresh();
        var audit = shell.Current<AuditScreen>();

        Assert.Contains(audit.Table.Shown, e => e.Message.Contains("web-1", StringComparison.Ordinal));
        var times = audit.Table.Shown.Select(e => e.Occurred).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);

        shell.Type("/web-1");
        shell.Press(Key.Enter);
        Assert.All(audit.Table.Shown, e => Assert.Contains("web-1", $"{e.Message} {e.DocumentId} {e.Who}", StringComparison.OrdinalIgnoreCase));
    }
}
