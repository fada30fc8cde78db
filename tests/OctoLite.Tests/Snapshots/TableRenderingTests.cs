using OctoLite.Cli.Config;
using OctoLite.Cli.Environments;
using OctoLite.Cli.Output;
using OctoLite.Cli.Policies;
using OctoLite.Cli.Pools;
using OctoLite.Cli.Projects;
using OctoLite.Cli.Runbooks;
using OctoLite.Cli.ServerVerbs;
using OctoLite.Cli.Targets;
using OctoLite.Cli.Tasks;
using OctoLite.Cli.Variables;
using OctoLite.Cli.Workers;
using OctoLite.Domain;
using OctoLite.Server.Targets;
using OctoLite.Server.Tasks;

namespace OctoLite.Tests.Snapshots;

/// <summary>
/// What the CLI prints in table mode, fed with fixed records (no server). Each test's output is separated into
/// labelled sections so one approved file shows every case of one renderer.
/// </summary>
public sealed class TableRenderingTests
{
    private static readonly WorkerPool DefaultPool = new()
    {
        Id = "WorkerPools-1",
        Name = "Default Worker Pool",
        Description = "The pool steps run on when they name none",
        IsDefault = true,
        SortOrder = 0,
    };

    private static readonly WorkerPool LinuxPool = new()
    {
        Id = "WorkerPools-2",
        Name = "Linux builders",
        // Line breaks in a cell must not break the table.
        Description = "Debian 12 machines\nwith Docker\r\nand .NET 10",
        SortOrder = 1,
    };

    private static readonly WorkerPool DynamicPool = new()
    {
        Id = "WorkerPools-10",
        Name = "Cloud",
        SortOrder = 12,
        WorkerPoolType = WorkerPoolType.DynamicWorkerPool,
        CanAddWorkers = false,
    };

    private static readonly IReadOnlyDictionary<string, string> PoolNames = new Dictionary<string, string>
    {
        [DefaultPool.Id] = DefaultPool.Name,
        [LinuxPool.Id] = LinuxPool.Name,
    };

    private static readonly Worker ListeningWorker = new()
    {
        Id = "Workers-1",
        Name = "build-01",
        WorkerPoolIds = [DefaultPool.Id, LinuxPool.Id],
        HealthStatus = HealthStatus.Healthy,
        StatusSummary = "Healthy: last checked in 0.4 s",
        MachinePolicyId = "MachinePolicies-1",
        Endpoint = new WorkerEndpoint
        {
            CommunicationStyle = CommunicationStyle.TentaclePassive,
            Uri = "https://build-01.example.internal:10933/",
            Thumbprint = "1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D",
        },
    };

    private static readonly Worker PollingWorker = new()
    {
        Id = "Workers-2",
        Name = "laptop",
        // A pool the CLI could not resolve is shown by its id.
        WorkerPoolIds = ["WorkerPools-99"],
        HealthStatus = HealthStatus.HasWarnings,
        StatusSummary = "Clock skew of 3 s",
        MachinePolicyId = "MachinePolicies-1",
        Endpoint = new WorkerEndpoint
        {
            CommunicationStyle = CommunicationStyle.TentacleActive,
            Uri = "poll://ab12cd34ef56gh78ij90/",
            Thumbprint = "FFEEDDCCBBAA99887766554433221100FFEEDDCC",
        },
    };

    private static readonly Worker SshWorker = new()
    {
        Id = "Workers-3",
        Name = "db-backup",
        WorkerPoolIds = [],
        IsDisabled = true,
        HealthStatus = HealthStatus.Unavailable,
        StatusSummary = "Connection refused\n(port 2222)",
        MachinePolicyId = "MachinePolicies-2",
        Endpoint = new WorkerEndpoint
        {
            CommunicationStyle = CommunicationStyle.Ssh,
            Host = "10.0.0.7",
            Port = 2222,
            Username = "deploy",
            Fingerprint = "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8",
        },
    };

    private static readonly Worker NewWorker = new()
    {
        Id = "Workers-4",
        Name = "fresh",
        WorkerPoolIds = [DefaultPool.Id],
        MachinePolicyId = "MachinePolicies-1",
        Endpoint = new WorkerEndpoint { CommunicationStyle = CommunicationStyle.TentaclePassive },
    };

    private static readonly MachinePolicy DefaultPolicy = new()
    {
        Id = "MachinePolicies-1",
        Name = "Default Machine Policy",
        Description = "Octopus's defaults",
        IsDefault = true,
    };

    private static readonly Worker CheckedWorker = ListeningWorker with
    {
        Id = "Workers-5",
        Name = "build-02",
        HealthStatus = HealthStatus.Unavailable,
        StatusSummary = "Could not reach the tentacle: connection refused",
        LastHealthCheck = new DateTimeOffset(2025, 3, 14, 9, 29, 0, TimeSpan.Zero),
        LastSeen = new DateTimeOffset(2025, 3, 14, 8, 29, 0, TimeSpan.Zero),
        UnavailableSince = new DateTimeOffset(2025, 3, 14, 8, 59, 0, TimeSpan.Zero),
        Capabilities = new WorkerCapabilities { MachineName = "build-02", OperatingSystem = "Ubuntu 24.04.1 LTS", AgentVersion = "1.4.0", Shells = ["Bash", "Sh", "Python"], FreeDiskBytes = 12L * 1024 * 1024 * 1024 },
    };

    private static readonly MachinePolicy StrictPolicy = new()
    {
        Id = "MachinePolicies-2",
        Name = "Short-lived machines",
        Description = "Ephemeral SSH workers",
        HealthCheckInterval = TimeSpan.FromMinutes(30),
        HealthCheckType = HealthCheckType.OnlyConnectivity,
        HealthCheckScript = "df -h /\ntest -w /tmp",
        HealthCheckScriptSyntax = ScriptSyntax.Sh,
        DiskSpaceWarningThresholdMb = 0,
        ConnectivityBehavior = MachineConnectivityBehavior.MayBeOfflineAndCanBeSkipped,
        ConnectionConnectTimeout = TimeSpan.FromSeconds(15),
        PollingRequestQueueTimeout = TimeSpan.FromMinutes(5),
        ConnectionRetryCountLimit = 2,
        DeleteMachinesBehavior = DeleteMachinesBehavior.DeleteUnavailableMachines,
        DeleteMachinesElapsedTimeSpan = TimeSpan.FromDays(2) + TimeSpan.FromHours(12),
    };

    [Fact]
    public void Table_pads_columns_and_flattens_cells() => Snapshot.Verify(Sections(
        ("Rows of different widths, empty and null cells", w => new Table("ID", "NAME", "NOTE")
            .Add("1", "a", "short")
            .Add("1234", "a much longer name", null)
            .Add("", null, "last column is never padded")
            .WriteTo(w)),
        ("Headers wider than every cell", w => new Table("IDENTIFIER", "X")
            .Add("1", "y")
            .WriteTo(w)),
        ("Line breaks inside cells become spaces", w => new Table("KEY", "VALUE")
            .Add("multi\nline", "one\r\ntwo\rthree")
            .WriteTo(w)),
        ("No rows: headers only", w => new Table("ID", "NAME").WriteTo(w)),
        ("Fields aligned after the longest name", w => Table.WriteFields(w,
        [
            ("Id", "Things-1"),
            ("A much longer field", "value"),
            ("Empty", ""),
            ("Null", null),
            ("Multi-line", "first\nsecond"),
        ]))));

    [Fact]
    public void Table_rejects_a_row_of_the_wrong_width()
    {
        var table = new Table("A", "B");

        var error = Assert.Throws<ArgumentException>(() => table.Add("only one"));

        Assert.Equal("cells", error.ParamName);
    }

    [Fact]
    public void Pool_list() => Snapshot.Verify(Sections(
        ("Several pools", w => PoolView.List(w, [DefaultPool, LinuxPool, DynamicPool])),
        ("No pools", w => PoolView.List(w, []))));

    [Fact]
    public void Pool_show() => Snapshot.Verify(Sections(
        ("The default pool", w => PoolView.One(w, DefaultPool)),
        ("A pool with a multi-line description", w => PoolView.One(w, LinuxPool)),
        ("A dynamic pool without a description", w => PoolView.One(w, DynamicPool))));

    [Fact]
    public void Worker_list() => Snapshot.Verify(Sections(
        ("Every kind of worker, pools shown by name when known", w => WorkerView.List(w, [ListeningWorker, PollingWorker, SshWorker, NewWorker], PoolNames)),
        ("Pool names unknown: ids", w => WorkerView.List(w, [ListeningWorker], new Dictionary<string, string>())),
        ("No workers", w => WorkerView.List(w, [], PoolNames))));

    [Fact]
    public void Worker_show() => Snapshot.Verify(Sections(
        ("Listening tentacle", w => WorkerView.One(w, ListeningWorker, PoolNames)),
        ("Polling tentacle in an unknown pool", w => WorkerView.One(w, PollingWorker, PoolNames)),
        ("Disabled SSH worker in no pool", w => WorkerView.One(w, SshWorker, PoolNames)),
        ("Worker without address or thumbprint", w => WorkerView.One(w, NewWorker, PoolNames)),
        ("Checked worker, unavailable since, with what it was when last reached", w => WorkerView.One(w, CheckedWorker, PoolNames, Clock))));

    [Fact]
    public void Worker_health_history() => Snapshot.Verify(Sections(
        ("Newest first, one without a task", w => WorkerView.History(w,
        [
            new WorkerHealthRecord { Id = "Workers-1/000000000003", WorkerId = "Workers-1", Time = Queued.AddMinutes(3), HealthStatus = HealthStatus.Unavailable, Summary = "No poll from the tentacle for longer than machine policy 'Default Machine Policy' allows (00:02:00)" },
            new WorkerHealthRecord { Id = "Workers-1/000000000002", WorkerId = "Workers-1", Time = Queued.AddMinutes(2), HealthStatus = HealthStatus.HasWarnings, Summary = "The health check warned: clock skew of 3 s", TaskId = "ServerTasks-9" },
            new WorkerHealthRecord { Id = "Workers-1/000000000001", WorkerId = "Workers-1", Time = Queued, HealthStatus = HealthStatus.Healthy, Summary = "Healthy: tentacle 1.4.0 on build-01 (Ubuntu 24.04)", TaskId = "ServerTasks-3" },
        ], Clock)),
        ("No history", w => WorkerView.History(w, [], Clock))));

    [Fact]
    public void Policy_list() => Snapshot.Verify(Sections(
        ("Default and custom policies", w => PolicyView.List(w, [DefaultPolicy, StrictPolicy])),
        ("No policies", w => PolicyView.List(w, []))));

    [Fact]
    public void Policy_show() => Snapshot.Verify(Sections(
        ("Defaults", w => PolicyView.One(w, DefaultPolicy)),
        ("Custom, with a script and cleanup", w => PolicyView.One(w, StrictPolicy)),
        ("An empty script: connectivity only", w => PolicyView.One(w, DefaultPolicy with { Id = "MachinePolicies-3", Name = "Reachable", IsDefault = false, Description = "", HealthCheckScript = "" }))));

    [Fact]
    public void Config_all() => Snapshot.Verify(Sections(
        ("Defaults", w => ConfigView.All(w, new ServerConfiguration())),
        ("Changed", w => ConfigView.All(w, new ServerConfiguration { TaskCap = 20, BuiltInWorkerEnabled = false, BuiltInWorkerRunAs = "octo-steps" }))));

    /// <summary>Renders each case under a <c>## title</c> line, cases separated by a blank line.</summary>
    private static readonly Runbook Restart = new()
    {
        Id = "Runbooks-3",
        ProjectId = "Projects-1",
        Name = "Restart shop",
        Description = "Bounce the web shop",
        Process = new DeploymentProcess
        {
            Steps =
            [
                new Step { Id = "Steps-1", Name = "Stop", Script = "\n  systemctl stop shop\nsleep 2\n", Timeout = TimeSpan.FromMinutes(10) },
                new Step { Id = "Steps-2", Name = "Report", Syntax = ScriptSyntax.Python, Script = "print('a very long line that goes on and on past the sixty character limit of the column')" },
            ],
        },
    };

    [Fact]
    public void Project_list_and_show() => Snapshot.Verify(Sections(
        ("Projects", w => ProjectView.List(w, [new Project { Id = "Projects-2", Name = "Billing" }, new Project { Id = "Projects-1", Name = "Shop", Description = "the web shop" }])),
        ("A project with runbooks", w => ProjectView.One(w, new Project { Id = "Projects-1", Name = "Shop", Description = "the web shop" }, [Restart])),
        ("A project without runbooks", w => ProjectView.One(w, new Project { Id = "Projects-2", Name = "Billing" }, []))));

    [Fact]
    public void Runbook_list_and_show() => Snapshot.Verify(Sections(
        ("Runbooks, projects by name", w => RunbookView.List(w, [Restart, Restart with { Id = "Runbooks-4", ProjectId = "Projects-9", Name = "Empty", Process = new() }], new Dictionary<string, string> { ["Projects-1"] = "Shop" })),
        ("A runbook with steps", w => RunbookView.One(w, Restart)),
        ("A runbook without steps", w => RunbookView.One(w, Restart with { Process = new() }))));

    [Fact]
    public void Variable_list() => Snapshot.Verify(Sections(
        ("Plain and sensitive", w => VariableView.List(w,
        [
            new Variable { Id = "a", Name = "DbPassword", IsSensitive = true },
            new Variable { Id = "b", Name = "Empty", Value = "" },
            new Variable { Id = "c", Name = "Port", Value = "8080" },
        ]))));

    /// <summary>Task times are shown in the clock's zone: UTC here, with "now" fixed, so the snapshot is the same everywhere.</summary>
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero));

    private static readonly DateTimeOffset Queued = new(2025, 3, 14, 9, 26, 53, 120, TimeSpan.Zero);

    private static readonly ServerTask FinishedTask = new()
    {
        Id = "ServerTasks-12",
        Name = "RunbookRun",
        Description = "Run runbook Restart shop of project Shop",
        State = TaskState.Failed,
        QueueTime = Queued,
        StartTime = Queued.AddSeconds(0.3),
        CompletedTime = Queued.AddSeconds(75.8),
        ServerNode = "octo-01",
        ErrorMessage = "Step 'Report' failed: the script exited with code 3",
        HasWarningsOrErrors = true,
        ProjectId = "Projects-1",
        RunbookId = "Runbooks-3",
        QueuedBy = "ops (local socket)",
        Timeout = TimeSpan.FromMinutes(30),
        LogLineCount = 42,
        Steps =
        [
            new TaskStep { StepId = "Steps-1", Name = "Stop", State = TaskStepState.Success, Worker = "built-in worker", StartTime = Queued.AddSeconds(0.4), CompletedTime = Queued.AddSeconds(2.9), ExitCode = 0 },
            new TaskStep { StepId = "Steps-2", Name = "Report", State = TaskStepState.Failed, Worker = "built-in worker", StartTime = Queued.AddSeconds(3), CompletedTime = Queued.AddSeconds(75.7), ExitCode = 3, ErrorMessage = "the script exited with code 3" },
            new TaskStep { StepId = "Steps-3", Name = "Start", State = TaskStepState.Skipped },
        ],
        OutputVariables =
        [
            new OutputVariable { StepName = "Stop", Name = "Pid", Value = "4242" },
            new OutputVariable { StepName = "Stop", Name = "Token", Value = "stored-ciphertext", IsSensitive = true },
            new OutputVariable { StepName = "Stop", Name = "Empty", Value = null },
        ],
        Artifacts =
        [
            new Artifact { Id = "Artifacts-7", ServerTaskId = "ServerTasks-12", StepName = "Report", Filename = "report.html", Length = 18_944, Created = Queued.AddSeconds(70) },
            new Artifact { Id = "Artifacts-8", ServerTaskId = "ServerTasks-12", StepName = "Report", Filename = "core.dump", Length = 3L * 1024 * 1024 * 1024 + 5, Created = Queued.AddSeconds(71) },
            new Artifact { Id = "Artifacts-9", ServerTaskId = "ServerTasks-12", StepName = "Stop", Filename = "pid.txt", Length = 5, Created = Queued.AddSeconds(2) },
        ],
    };

    private static readonly ServerTask RunningTask = new()
    {
        Id = "ServerTasks-13",
        Description = "Run runbook Backup of project Billing",
        State = TaskState.Executing,
        QueueTime = Queued.AddSeconds(60),
        StartTime = Queued.AddSeconds(61),
        ServerNode = "octo-01",
        QueuedBy = "api key ci",
        ProjectId = "Projects-2",
        RunbookId = "Runbooks-5",
        LogLineCount = 3,
        Steps = [new TaskStep { StepId = "Steps-9", Name = "Dump", State = TaskStepState.Running, Worker = "built-in worker", StartTime = Queued.AddSeconds(61.5) }],
    };

    private static readonly ServerTask QueuedTask = new()
    {
        Id = "ServerTasks-14",
        Description = "Run runbook Backup of project Billing",
        QueueTime = Queued.AddSeconds(150),
        QueuedBy = "ops (local socket)",
        ProjectId = "Projects-2",
        RunbookId = "Runbooks-5",
        Steps = [new TaskStep { StepId = "Steps-9", Name = "Dump" }],
    };

    [Fact]
    public void Task_list() => Snapshot.Verify(Sections(
        ("Queued, running and finished tasks, newest first", w => TaskView.List(w, [QueuedTask, RunningTask, FinishedTask with { State = TaskState.Success, ErrorMessage = "" }, FinishedTask with { Id = "ServerTasks-2", State = TaskState.Canceled, StartTime = null }], Clock)),
        ("No tasks", w => TaskView.List(w, [], Clock))));

    [Fact]
    public void Task_show() => Snapshot.Verify(Sections(
        ("A failed task with steps, output variables (one sensitive) and artifacts", w => TaskView.One(w, FinishedTask, Clock)),
        ("A running task", w => TaskView.One(w, RunningTask, Clock)),
        ("A queued task", w => TaskView.One(w, QueuedTask, Clock)),
        ("A health check of a pool, one worker unavailable", w => TaskView.One(w, HealthTask, Clock))));

    private static readonly ServerTask HealthTask = new()
    {
        Id = "ServerTasks-14",
        Name = "Health",
        Kind = TaskKind.Health,
        Description = "Check health of the workers in pool Linux builders",
        State = TaskState.Failed,
        ErrorMessage = "1 of 2 worker(s) failed the health check: build-02: Unavailable (Could not reach the tentacle: connection refused)",
        QueueTime = Queued,
        StartTime = Queued.AddSeconds(0.2),
        CompletedTime = Queued.AddSeconds(4.1),
        ServerNode = "octo-01",
        QueuedBy = "ops (local socket)",
        HealthCheck = new HealthCheckScope { WorkerPoolId = "WorkerPools-2" },
        LogLineCount = 9,
        HasWarningsOrErrors = true,
        Steps =
        [
            new TaskStep { StepId = "Workers-1", Name = "Check build-01", Block = "Workers-1", Worker = "build-01", State = TaskStepState.Success, StartTime = Queued.AddSeconds(0.3), CompletedTime = Queued.AddSeconds(1.1) },
            new TaskStep { StepId = "Workers-5", Name = "Check build-02", Block = "Workers-5", Worker = "build-02", State = TaskStepState.Failed, StartTime = Queued.AddSeconds(0.3), CompletedTime = Queued.AddSeconds(4), ErrorMessage = "Could not reach the tentacle: connection refused" },
        ],
    };

    [Fact]
    public void Task_log_lines()
    {
        var blocks = new TaskLogBlocks().Learn(
        [
            new TaskLogBlock { Id = "Steps-1", ParentId = "", Name = "Step 1: Stop" },
            new TaskLogBlock { Id = "Steps-1/built-in worker", ParentId = "Steps-1", Name = "On the built-in worker" },
        ]);
        TaskLogLine Line(long sequence, double seconds, TaskLogLevel level, string block, string text) =>
            new() { Sequence = sequence, Time = Queued.AddSeconds(seconds), Level = level, Block = block, Text = text };
        TaskLogLine[] lines =
        [
            Line(1, 0.3, TaskLogLevel.Info, "", "Run runbook Restart shop of project Shop: task ServerTasks-12 started on octo-01, queued by ops"),
            Line(2, 0.4, TaskLogLevel.Info, "Steps-1", "Step 1: Stop"),
            Line(3, 0.4, TaskLogLevel.Verbose, "Steps-1/built-in worker", "Running on the built-in worker as octo in /var/lib/octolite/work/ServerTasks-12/Steps-1"),
            Line(4, 1.0, TaskLogLevel.Info, "Steps-1/built-in worker", "stopping shop (password ********)"),
            Line(5, 1.5, TaskLogLevel.Highlight, "Steps-1/built-in worker", "shop stopped"),
            Line(6, 2.0, TaskLogLevel.Warning, "Steps-1/built-in worker", "pid file was stale"),
            Line(7, 2.9, TaskLogLevel.Error, "Steps-2", "A step the CLI has not seen yet counts as a step"),
            Line(8, 75.8, TaskLogLevel.Fatal, "", "The task ended Failed: Step 'Report' failed"),
        ];
        Snapshot.Verify(Sections(("Every level, indented by block", w =>
        {
            foreach (var line in lines)
            {
                w.WriteLine(TaskLogView.Line(line, blocks, Clock));
            }
        })));
    }

    [Fact]
    public void Artifact_list() => Snapshot.Verify(Sections(
        ("A task's artifacts", w => ArtifactView.List(w, FinishedTask.Artifacts, Clock)),
        ("No artifacts", w => ArtifactView.List(w, [], Clock))));

    [Fact]
    public void Task_queue() => Snapshot.Verify(Sections(
        ("Drained, with work waiting", w => TaskQueueView.One(w, "octo-01", new TaskQueueStatus(3, 1, 5, true))),
        ("Not drained", w => TaskQueueView.One(w, "octo-01", new TaskQueueStatus(0, 2, 5, false))),
        ("As server info shows it", w =>
        {
            w.WriteLine(TaskQueueView.Summary(new TaskQueueStatus(3, 1, 5, true)));
            w.WriteLine(TaskQueueView.Summary(new TaskQueueStatus(0, 0, 10, false)));
        })));

    private static readonly DeploymentEnvironment TestEnvironment = new() { Id = "Environments-1", Name = "Test", SortOrder = 1 };

    private static readonly DeploymentEnvironment ProductionEnvironment = new()
    {
        Id = "Environments-2",
        Name = "Production",
        Description = "Customer-facing\nhandle with care",
        SortOrder = 2,
    };

    private static readonly TargetNames TargetNamesKnown = new(
        new Dictionary<string, string> { [TestEnvironment.Id] = TestEnvironment.Name, [ProductionEnvironment.Id] = ProductionEnvironment.Name },
        PoolNames);

    private static readonly DeploymentTarget CheckedTarget = new()
    {
        Id = "Machines-1",
        Name = "eu-west",
        Roles = ["web", "api"],
        EnvironmentIds = [TestEnvironment.Id, ProductionEnvironment.Id],
        DefaultWorkerPoolId = LinuxPool.Id,
        HealthStatus = HealthStatus.Healthy,
        StatusSummary = "Cloud Region targets have no endpoint; nothing to check",
        LastHealthCheck = Queued,
    };

    private static readonly DeploymentTarget NewTarget = new()
    {
        Id = "Machines-2",
        Name = "us-east",
        Roles = ["db"],
        // An environment the CLI could not resolve is shown by its id.
        EnvironmentIds = ["Environments-9"],
        IsDisabled = true,
    };

    [Fact]
    public void Environment_list_and_show() => Snapshot.Verify(Sections(
        ("Environments in sort order", w => EnvironmentView.List(w, [TestEnvironment, ProductionEnvironment])),
        ("No environments", w => EnvironmentView.List(w, [])),
        ("An environment with targets", w => EnvironmentView.One(w, ProductionEnvironment, [CheckedTarget, NewTarget])),
        ("An environment without targets", w => EnvironmentView.One(w, TestEnvironment, []))));

    [Fact]
    public void Target_list_and_show() => Snapshot.Verify(Sections(
        ("Targets, environments by name when known", w => TargetView.List(w, [CheckedTarget, NewTarget], TargetNamesKnown)),
        ("Names unknown: ids", w => TargetView.List(w, [CheckedTarget], TargetNames.None)),
        ("No targets", w => TargetView.List(w, [], TargetNamesKnown)),
        ("A checked target with a default worker pool", w => TargetView.One(w, CheckedTarget, TargetNamesKnown, Clock)),
        ("A disabled target never checked, without a pool", w => TargetView.One(w, NewTarget, TargetNamesKnown, Clock)),
        ("Health checked", w => TargetView.Health(w, new TargetHealthCheck(CheckedTarget, true, "Deployment target 'eu-west' is Healthy: Cloud Region targets have no endpoint; nothing to check."), Clock)),
        ("Health not checked: disabled", w => TargetView.Health(w, new TargetHealthCheck(NewTarget, false, "Deployment target 'us-east' is disabled: its health was not checked. Enable it first."), Clock))));

    private static string Sections(params (string Title, Action<TextWriter> Render)[] sections) =>
        string.Join("\n", sections.Select(s => $"## {s.Title}\n{Snapshot.Render(s.Render)}"));

    /// <summary>A clock stopped at <paramref name="now"/>, in UTC.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
