using LiteDB;
using OctoLite.Domain;
using OctoLite.Storage;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Storage;

public sealed class OctoStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string DatabaseFile => _directory.Combine("octolite.db");

    [Fact]
    public void Open_CreatesDataFileReadableByOwnerOnly()
    {
        using var store = OctoStore.Open(DatabaseFile);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DatabaseFile));
    }

    [Fact]
    public void Open_TightensLooseModeOfExistingFile()
    {
        using (OctoStore.Open(DatabaseFile))
        {
        }

        File.SetUnixFileMode(DatabaseFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        using var store = OctoStore.Open(DatabaseFile);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DatabaseFile));
    }

    [Fact]
    public void Open_RecordsLatestSchemaVersion()
    {
        using var store = OctoStore.Open(DatabaseFile);

        Assert.Equal(Migrations.Latest, store.SchemaVersion);
    }

    [Fact]
    public void Open_RefusesDataFileFromNewerVersion()
    {
        using (var database = new LiteDatabase(DatabaseFile))
        {
            database.UserVersion = Migrations.Latest + 1;
        }

        var error = Assert.Throws<StoreException>(() => OctoStore.Open(DatabaseFile));

        Assert.Contains($"schema version {Migrations.Latest + 1}", error.Message);
    }

    [Fact]
    public void Open_RefusesFileThatIsNotADatabase()
    {
        File.WriteAllText(DatabaseFile, new string('x', 20000));

        var error = Assert.Throws<StoreException>(() => OctoStore.Open(DatabaseFile));

        Assert.Contains(DatabaseFile, error.Message);
    }

    [Fact]
    public void EveryCollection_RoundTripsThroughReopen()
    {
        var pool = new WorkerPool { Id = "WorkerPools-7", Name = "Linux", Description = "d", IsDefault = true, SortOrder = 3 };
        var worker = new Worker
        {
            Id = "Workers-2",
            Name = "w",
            WorkerPoolIds = ["WorkerPools-7", "WorkerPools-8"],
            IsDisabled = true,
            HealthStatus = HealthStatus.HasWarnings,
            StatusSummary = "disk low",
            MachinePolicyId = "MachinePolicies-1",
            LastHealthCheck = new DateTimeOffset(2026, 11, 29, 1, 2, 3, 456, TimeSpan.Zero),
            LastSeen = new DateTimeOffset(2026, 11, 29, 1, 2, 4, TimeSpan.Zero),
            UnavailableSince = new DateTimeOffset(2026, 11, 28, 1, 2, 4, TimeSpan.Zero),
            Capabilities = new WorkerCapabilities { OperatingSystem = "Linux", MachineName = "m", AgentVersion = "1.0", Shells = ["Bash"], FreeDiskBytes = 5_000_000_000 },
            Endpoint = new WorkerEndpoint { CommunicationStyle = CommunicationStyle.Ssh, Host = "h", Port = 2222, Username = "u", Fingerprint = "SHA256:abc" },
        };
        var policy = new MachinePolicy
        {
            Id = "MachinePolicies-1", Name = "P", HealthCheckInterval = TimeSpan.FromMinutes(7), DeleteMachinesBehavior = DeleteMachinesBehavior.DeleteUnavailableMachines,
            HealthCheckScriptSyntax = ScriptSyntax.PowerShell, DiskSpaceWarningThresholdMb = 1234, ConnectivityBehavior = MachineConnectivityBehavior.MayBeOfflineAndCanBeSkipped,
        };
        var occurred = new DateTimeOffset(2026, 11, 29, 1, 2, 3, 456, TimeSpan.Zero);
        var auditEvent = new AuditEvent { Id = "Events-1", Occurred = occurred, Who = "me", Category = "Created", DocumentType = "WorkerPool", DocumentId = "WorkerPools-7", Message = "m", Details = "Name: 'a' → 'b'" };
        var key = new ApiKey { Id = "ApiKeys-1", Name = "ci", KeyHash = "AB", Prefix = "API-XXXX", Created = occurred, CreatedBy = "me" };
        var configuration = new ServerConfiguration { TaskCap = 9, BuiltInWorkerEnabled = false, BuiltInWorkerRunAs = "deploy" };

        using (var store = OctoStore.Open(DatabaseFile))
        {
            store.Write(s =>
            {
                s.Pools.Insert(pool);
                s.Workers.Insert(worker);
                s.Policies.Insert(policy);
                s.AuditEvents.Insert(auditEvent);
                s.ApiKeys.Insert(key);
                s.Configuration.Set(configuration);
                return true;
            });
        }

        using var reopened = OctoStore.Open(DatabaseFile);
        reopened.Read(s =>
        {
            Assert.Equal(pool, s.Pools.Get(pool.Id));
            var storedWorker = s.Workers.Get(worker.Id)!;
            Assert.Equal(worker.WorkerPoolIds, storedWorker.WorkerPoolIds);
            Assert.Equal(worker.Capabilities.Shells, storedWorker.Capabilities!.Shells);
            Assert.Equal(worker with { WorkerPoolIds = storedWorker.WorkerPoolIds, Capabilities = worker.Capabilities with { Shells = storedWorker.Capabilities.Shells } }, storedWorker);
            Assert.Equal(policy, s.Policies.Get(policy.Id));
            Assert.Equal(auditEvent, s.AuditEvents.Get(auditEvent.Id));
            Assert.Equal(key, s.ApiKeys.Get(key.Id));
            Assert.Equal(configuration, s.Configuration.Get());
            return true;
        });
    }

    [Fact]
    public void ProjectRunbookAndVariableSetCollections_RoundTripThroughReopen()
    {
        var project = new Project { Id = "Projects-3", Name = "Shop", Description = "the web shop" };
        var runbook = new Runbook
        {
            Id = "Runbooks-4",
            ProjectId = project.Id,
            Name = "Restart",
            Description = "bounce it",
            Process = new DeploymentProcess
            {
                Steps =
                [
                    new Step { Id = "Steps-1", Name = "Stop", Script = "systemctl stop shop\necho done", Timeout = TimeSpan.FromMinutes(10) },
                    new Step { Id = "Steps-2", Name = "Start", Kind = StepKind.RunScript, Syntax = ScriptSyntax.Python, Script = "print('hi')" },
                ],
            },
        };
        var variables = new VariableSet
        {
            Id = VariableSet.IdFor(project.Id),
            OwnerId = project.Id,
            Variables =
            [
                new Variable { Id = "6f1c", Name = "Port", Value = "8080" },
                new Variable { Id = "7a2d", Name = "Password", Value = "v1:AAAA", IsSensitive = true },
                new Variable { Id = "8b3e", Name = "Empty", Value = "" },
            ],
        };

        using (var store = OctoStore.Open(DatabaseFile))
        {
            store.Write(s =>
            {
                s.Projects.Insert(project);
                s.Runbooks.Insert(runbook);
                s.VariableSets.Insert(variables);
                return true;
            });
        }

        using var reopened = OctoStore.Open(DatabaseFile);
        reopened.Read(s =>
        {
            var storedProject = s.Projects.Get(project.Id)!;
            Assert.Equal(Json(project.DeploymentProcess), Json(storedProject.DeploymentProcess));
            Assert.Equal(project with { DeploymentProcess = storedProject.DeploymentProcess }, storedProject);
            var storedRunbook = s.Runbooks.Get(runbook.Id)!;
            Assert.Equal(Json(runbook.Process), Json(storedRunbook.Process));
            Assert.Equal(runbook with { Process = storedRunbook.Process }, storedRunbook);
            var storedVariables = s.VariableSets.Get(variables.Id)!;
            Assert.Equal(variables.Variables, storedVariables.Variables);
            Assert.Equal(variables with { Variables = storedVariables.Variables }, storedVariables);
            return true;
        });
    }

    [Fact]
    public void Open_MigratesVersion1FileToLatest_KeepingItsDocuments()
    {
        using (var database = new LiteDatabase(DatabaseFile))
        {
            database.GetCollection("workerpools").Insert(new BsonDocument { ["_id"] = "WorkerPools-1", ["Name"] = "Old" });
            database.UserVersion = 1;
        }

        using var store = OctoStore.Open(DatabaseFile);

        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        Assert.Equal(6, Migrations.Latest);
        Assert.Equal("Old", store.Read(s => s.Pools.Get("WorkerPools-1")!.Name));
        Assert.Empty(store.Read(s => s.Projects.All()));
    }

    [Fact]
    public void Write_RollsBackEverythingWhenTheCallbackThrows()
    {
        using var store = OctoStore.Open(DatabaseFile);

        Assert.Throws<InvalidOperationException>(() => store.Write<bool>(s =>
        {
            s.Pools.Insert(new WorkerPool { Id = "WorkerPools-1", Name = "a" });
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal(0, store.Read(s => s.Pools.Count()));
    }

    [Fact]
    public void NextId_NeverReusesAnIdEvenAfterDelete()
    {
        using var store = OctoStore.Open(DatabaseFile);

        var first = store.Write(s => s.NextId("WorkerPools"));
        var second = store.Write(s => s.NextId("WorkerPools"));
        var other = store.Write(s => s.NextId("Workers"));

        Assert.Equal("WorkerPools-1", first);
        Assert.Equal("WorkerPools-2", second);
        Assert.Equal("Workers-1", other);
    }

    [Fact]
    public void Update_OfMissingDocument_Throws()
    {
        using var store = OctoStore.Open(DatabaseFile);

        Assert.Throws<InvalidOperationException>(() => store.Write(s =>
        {
            s.Pools.Update(new WorkerPool { Id = "WorkerPools-404", Name = "x" });
            return true;
        }));
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Tasks_RoundTrip_WithValuesBeyond32Bits_AndNestedRecords()
    {
        using var directory = new TempDirectory();
        var task = new ServerTask
        {
            Id = "ServerTasks-1",
            Name = "RunbookRun",
            QueueTime = DateTimeOffset.Parse("2026-01-02T03:04:05.678+00:00", System.Globalization.CultureInfo.InvariantCulture),
            LogLineCount = 5_000_000_000,
            Timeout = TimeSpan.FromMinutes(90),
            Process = new DeploymentProcess { Steps = [new Step { Id = "Steps-1", Name = "S", Script = "echo" }] },
            Steps = [new TaskStep { StepId = "Steps-1", Name = "S", State = TaskStepState.Running, ProcessGroupId = 123, ProcessStartTime = 9_876_543_210_123 }],
            OutputVariables = [new OutputVariable { StepName = "S", Name = "X", Value = "1" }],
        };
        using (var store = OctoStore.Open(directory.Combine("octolite.db")))
        {
            store.Write(s =>
            {
                s.Tasks.Insert(task);
                return true;
            });
        }

        using var reopened = OctoStore.Open(directory.Combine("octolite.db"));
        var read = reopened.Read(s => s.Tasks.Get("ServerTasks-1"))!;

        Assert.Equal(5_000_000_000, read.LogLineCount);
        Assert.Equal(9_876_543_210_123, read.Steps[0].ProcessStartTime);
        Assert.Equal(task.QueueTime, read.QueueTime);
        Assert.Equal(task.Timeout, read.Timeout);
        Assert.Equal("echo", read.Process.Steps[0].Script);
        Assert.Equal("1", read.OutputVariables[0].Value);
    }

    /// <summary>Steps hold lists, which records compare by reference: compare their stored form.</summary>
    private static string Json(DeploymentProcess process) =>
        System.Text.Json.JsonSerializer.Serialize(process, StorageJsonContext.Default.DeploymentProcess);

    [Fact]
    public void WorkerHealth_KeepsTheNewestEntriesPerWorker_InOrder_AndForgetsADeletedWorkersHistory()
    {
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        using (var store = OctoStore.Open(DatabaseFile))
        {
            store.Write(s =>
            {
                for (var i = 1; i <= 5; i++)
                {
                    s.WorkerHealth.Add(new WorkerHealthRecord { WorkerId = "Workers-3", Time = at.AddMinutes(i), HealthStatus = HealthStatus.Healthy, Summary = $"check {i}", TaskId = $"ServerTasks-{i}" }, keep: 3);
                }

                // An id that shares the first worker's prefix must not mix with it.
                s.WorkerHealth.Add(new WorkerHealthRecord { WorkerId = "Workers-30", Time = at, HealthStatus = HealthStatus.Unavailable, Summary = "other" }, keep: 3);
                return true;
            });
        }

        using var reopened = OctoStore.Open(DatabaseFile);
        var newest = reopened.Read(s => s.WorkerHealth.Newest("Workers-3", 10));
        Assert.Equal(["check 5", "check 4", "check 3"], newest.Select(e => e.Summary));
        Assert.Equal("Workers-3/000000000005", newest[0].Id);
        Assert.Equal(new WorkerHealthRecord { Id = "Workers-3/000000000005", WorkerId = "Workers-3", Time = at.AddMinutes(5), HealthStatus = HealthStatus.Healthy, Summary = "check 5", TaskId = "ServerTasks-5" }, newest[0]);
        Assert.Equal(["check 5"], reopened.Read(s => s.WorkerHealth.Newest("Workers-3", 1)).Select(e => e.Summary));

        reopened.Write(s =>
        {
            s.WorkerHealth.DeleteAll("Workers-3");
            return true;
        });

        Assert.Empty(reopened.Read(s => s.WorkerHealth.Newest("Workers-3", 10)));
        Assert.Equal("other", Assert.Single(reopened.Read(s => s.WorkerHealth.Newest("Workers-30", 10))).Summary);
    }

    [Fact]
    public void DocumentsOfVersion4_ReadWithTheHealthFieldsDefaults()
    {
        using (var database = new LiteDatabase(DatabaseFile))
        {
            database.GetCollection("machinepolicies").Insert(new BsonDocument { ["_id"] = "MachinePolicies-1", ["Name"] = "Old", ["HealthCheckScript"] = "true" });
            database.GetCollection("workers").Insert(new BsonDocument { ["_id"] = "Workers-1", ["Name"] = "w", ["HealthStatus"] = "Healthy" });
            database.UserVersion = 4;
        }

        using var store = OctoStore.Open(DatabaseFile);

        var policy = store.Read(s => s.Policies.Get("MachinePolicies-1"))!;
        Assert.Equal((500, ScriptSyntax.Bash, MachineConnectivityBehavior.ExpectedToBeOnline), (policy.DiskSpaceWarningThresholdMb, policy.HealthCheckScriptSyntax, policy.ConnectivityBehavior));
        var worker = store.Read(s => s.Workers.Get("Workers-1"))!;
        Assert.Equal((HealthStatus.Healthy, null, null, null), (worker.HealthStatus, worker.LastHealthCheck, worker.UnavailableSince, worker.Capabilities));
        Assert.Empty(store.Read(s => s.WorkerHealth.Newest("Workers-1", 10)));
    }

    [Fact]
    public void Migration6_WritesTheDefaultScriptForTheirSyntax_IntoPoliciesWithAnEmptyScript_AndKeepsOthersScripts()
    {
        using (var database = new LiteDatabase(DatabaseFile))
        {
            var policies = database.GetCollection("machinepolicies");
            // Shaped as version 5 wrote them: enums as names, the empty script meaning "the server's built-in checks".
            policies.Insert(new BsonDocument
            {
                ["_id"] = "MachinePolicies-1", ["Name"] = "Default Machine Policy", ["IsDefault"] = true, ["HealthCheckType"] = "RunScript",
                ["HealthCheckScript"] = "", ["HealthCheckScriptSyntax"] = "Bash", ["DiskSpaceWarningThresholdMb"] = 500,
            });
            policies.Insert(new BsonDocument { ["_id"] = "MachinePolicies-2", ["Name"] = "Windows", ["HealthCheckScript"] = "  \n", ["HealthCheckScriptSyntax"] = "PowerShell" });
            policies.Insert(new BsonDocument { ["_id"] = "MachinePolicies-3", ["Name"] = "Reach only", ["HealthCheckType"] = "OnlyConnectivity" });
            policies.Insert(new BsonDocument { ["_id"] = "MachinePolicies-4", ["Name"] = "Own script", ["HealthCheckScript"] = "test -w /tmp", ["HealthCheckScriptSyntax"] = "Sh" });
            database.UserVersion = 5;
        }

        using var store = OctoStore.Open(DatabaseFile);

        var scripts = store.Read(s => s.Policies.All().OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => (p.Id, p.HealthCheckScript, p.HealthCheckScriptSyntax)).ToList());
        Assert.Equal(
        [
            ("MachinePolicies-1", MachinePolicyHealthScripts.Shell, ScriptSyntax.Bash),
            ("MachinePolicies-2", MachinePolicyHealthScripts.PowerShell, ScriptSyntax.PowerShell),
            ("MachinePolicies-3", MachinePolicyHealthScripts.Shell, ScriptSyntax.Bash),
            ("MachinePolicies-4", "test -w /tmp", ScriptSyntax.Sh),
        ], scripts);
        Assert.Equal(HealthCheckType.OnlyConnectivity, store.Read(s => s.Policies.Get("MachinePolicies-3"))!.HealthCheckType);
    }
}
