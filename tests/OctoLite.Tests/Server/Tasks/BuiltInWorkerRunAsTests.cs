using System.Globalization;
using OctoLite.Scripting.RunAs;
using OctoLite.Server.Tasks;
using OctoLite.Tests.Scripting.Processes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Tasks;

/// <summary>
/// <c>builtInWorker.runAs</c> end to end: a real server (run as root in CI), a throwaway account, real steps.
/// </summary>
public sealed class BuiltInWorkerRunAsTests
{
    [RunAsFact]
    public async Task RunAs_StepRunsAsTheAccount_InAFolderItOwns_OutsideThePrivateDataDir()
    {
        using var user = ThrowawayUser.Create();
        await using var fixture = await RunAsServer.StartAsync(user);
        var (server, api) = (fixture.Server, fixture.Api);
        await api.RunbookAsync("Who", TaskApi.Bash("Who", $"""
            id -un
            pwd
            touch made.txt
            stat -c %U made.txt
            ls '{server.Paths.Directory}' > /dev/null 2>&1 && echo data dir readable || echo data dir private
            printf report > report.txt
            new_octopusartifact report.txt
            """));

        var id = await api.RunAsync("Who");
        var task = await api.WaitAsync(id);

        var log = await api.LogTextAsync(id);
        Assert.True(task["State"]!.GetValue<string>() == "Success", string.Join('\n', log));
        var folder = Path.Combine(BuiltInWorker.RunAsWorkFolder(server.Paths), id, task["Steps"]![0]!["StepId"]!.GetValue<string>());
        Assert.Equal([user.Name, folder, user.Name, "data dir private"], log.SkipWhile(l => l != user.Name).Take(4));
        Assert.Contains($"Running on the built-in worker as {user.Name} (builtInWorker.runAs) in {folder}", log);
        var artifacts = (await server.GetJsonAsync($"api/tasks/{id}/artifacts")).AsArray();
        Assert.Equal(["report.txt"], artifacts.Select(a => a!["Filename"]!.GetValue<string>()));
        Assert.Equal("report", await server.Socket.GetStringAsync($"api/tasks/{id}/artifacts/report.txt/content"));
        Assert.False(Directory.Exists(folder), "the step's folder was left behind");
        Assert.False(Directory.Exists(Path.GetDirectoryName(folder)), "the task's folder was left behind");
        Assert.Equal("711", Mode(BuiltInWorker.RunAsWorkFolder(server.Paths)));
        Assert.Equal("711", Mode(BuiltInWorker.RunAsWorkRoot));
        Assert.Equal("700", Mode(server.Paths.Directory));
    }

    [RunAsFact]
    public async Task RunAs_ArtifactOnlyTheServerCanRead_IsNotCollected_AndTheLogSaysWhy()
    {
        using var user = ThrowawayUser.Create();
        await using var fixture = await RunAsServer.StartAsync(user);
        var (server, api) = (fixture.Server, fixture.Api);
        var database = server.Paths.DatabaseFile;
        await api.RunbookAsync("Steal", TaskApi.Bash("Steal", $"""
            new_octopusartifact /etc/shadow
            echo "##octopus[createArtifact path='$(printf %s '{database}' | base64 -w0)' name='$(printf db | base64 -w0)']"
            """));

        var id = await api.RunAsync("Steal");
        var task = await api.WaitAsync(id);

        var log = await api.LogTextAsync(id);
        Assert.True(task["State"]!.GetValue<string>() == "Success", string.Join('\n', log));
        Assert.Empty((await server.GetJsonAsync($"api/tasks/{id}/artifacts")).AsArray());
        Assert.Contains($"Artifact 'shadow' was not collected: /etc/shadow is not a file that {user.Name}, the account the step runs as, can read (Permission denied).", log);
        Assert.Contains($"Artifact 'db' was not collected: {database} is not a file that {user.Name}, the account the step runs as, can read (Permission denied).", log);
    }

    [RunAsFact]
    public async Task RunAs_Cancel_KillsTheAccountsProcessGroup()
    {
        using var user = ThrowawayUser.Create();
        await using var fixture = await RunAsServer.StartAsync(user);
        var (server, api) = (fixture.Server, fixture.Api);
        await api.RunbookAsync("Sleep", TaskApi.Bash("Sleep", """
            sleep 60 &
            echo "pid $$ $!"
            wait
            """));
        var id = await api.RunAsync("Sleep");
        var pids = await WaitForPidsAsync(api, id);
        var uid = RunAsAccount.Find(user.Name)!.Uid.ToString(CultureInfo.InvariantCulture);
        Assert.All(pids, pid => Assert.Equal(uid, RealUid(pid)));

        var cancel = await server.Socket.PostAsync($"api/tasks/{id}/cancel", null);
        var task = await api.WaitAsync(id, 30);

        Assert.True(cancel.IsSuccessStatusCode);
        Assert.Equal("Canceled", task["State"]!.GetValue<string>());
        Assert.All(pids, pid => Assert.False(ProcTable.IsRunning(pid), $"process {pid} survived the cancel"));
        Assert.Empty(ProcTable.RunningInGroup(pids[0]));
    }

    [RunAsFact]
    public async Task RunAs_Timeout_KillsTheAccountsProcessGroup()
    {
        using var user = ThrowawayUser.Create();
        await using var fixture = await RunAsServer.StartAsync(user);
        var api = fixture.Api;
        await api.RunbookAsync("Hang", TaskApi.Bash("Hang", """
            sleep 60 &
            echo "pid $$ $!"
            wait
            """, timeout: "00:00:02"));

        var id = await api.RunAsync("Hang");
        var pids = await WaitForPidsAsync(api, id);
        var task = await api.WaitAsync(id, 30);

        Assert.Equal("TimedOut", task["State"]!.GetValue<string>());
        Assert.All(pids, pid => Assert.False(ProcTable.IsRunning(pid), $"process {pid} survived the timeout"));
        Assert.Empty(ProcTable.RunningInGroup(pids[0]));
    }

    [RunAsFact]
    public async Task RunAs_UserDeletedSinceItWasSet_FailsTheStepNamingTheSetting_AndBlocksNoOtherSetting()
    {
        using var user = ThrowawayUser.Create();
        await using var fixture = await RunAsServer.StartAsync(user);
        var (server, api) = (fixture.Server, fixture.Api);
        await api.RunbookAsync("Any", TaskApi.Bash("Any", "echo must not run"));
        user.Delete();

        var id = await api.RunAsync("Any");
        var task = await api.WaitAsync(id);

        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        var error = task["ErrorMessage"]!.GetValue<string>();
        Assert.Contains("builtInWorker.runAs", error);
        Assert.Contains($"no user '{user.Name}'", error);
        Assert.DoesNotContain("must not run", await api.LogTextAsync(id));
        // The stale account blocks no other change (draining the node goes through the same settings document) …
        Assert.Equal(0, (await server.CliAsync("server", "drain")).ExitCode);
        await api.SetConfigurationAsync("""{"TaskCap":4,"IsDraining":false}""");
        // … and choosing an account is still checked.
        var (exitCode, _, stderr) = await server.CliAsync("config", "set", "builtInWorker.runAs", user.Name + "x");
        Assert.Equal(2, exitCode);
        Assert.Contains($"There is no user '{user.Name}x'", stderr);
    }

    private static async Task<List<int>> WaitForPidsAsync(TaskApi api, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if ((await api.LogTextAsync(id)).FirstOrDefault(l => l.StartsWith("pid ", StringComparison.Ordinal)) is { } line)
                return line[4..].Split(' ').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
            Assert.True(DateTime.UtcNow < deadline, $"the step never printed its pids: {(await api.TaskAsync(id)).ToJsonString()}");
            await Task.Delay(20);
        }
    }

    private static string? RealUid(int pid) =>
        File.ReadAllLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];

    private static string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(path), 8);

    /// <summary>A server with a project and builtInWorker.runAs set to the account through the CLI; its run-as folder goes on dispose.</summary>
    private sealed class RunAsServer : IAsyncDisposable
    {
        private RunAsServer(RunningServer server)
        {
            Server = server;
            Api = new TaskApi(server);
        }

        public RunningServer Server { get; }

        public TaskApi Api { get; }

        public static async Task<RunAsServer> StartAsync(ThrowawayUser user)
        {
            var fixture = new RunAsServer(await RunningServer.StartAsync());
            try
            {
                var (exitCode, output, error) = await fixture.Server.CliAsync("config", "set", "builtInWorker.runAs", user.Name);
                Assert.True(exitCode == 0, output + error);
                await fixture.Api.ProjectAsync();
                return fixture;
            }
            catch
            {
                await fixture.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            var folder = BuiltInWorker.RunAsWorkFolder(Server.Paths);
            await Server.DisposeAsync();
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }
}
