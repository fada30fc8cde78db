using System.Text.Json.Nodes;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using OctoLite.Server.Security;
using OctoLite.Server.Tasks;
using OctoLite.Storage;
using OctoLite.Tentacle.Agent;
using OctoLite.Tests.Support;
using OctoLite.Tests.Workers;

namespace OctoLite.Tests.Server.Tasks;

/// <summary>
/// A server restart while a script runs on a tentacle loses nothing: the script keeps running there, and the restarted
/// server follows it again from where the stored log ends — every line once, output variables kept.
/// </summary>
public sealed class TentacleResumeTests
{
    [Fact]
    public async Task RemoteScript_SurvivesAGracefulServerRestart_EveryLineOnce_OutputsKept()
    {
        await using var setup = await RestartableTentacle.StartAsync();
        var id = await setup.RunCountingAsync();
        await setup.WaitForLineAsync(id, "line-15");

        await setup.StopServerAsync();

        var stored = setup.StoredTask(id);
        Assert.Equal("Executing", stored["State"].AsString);
        var invocation = stored["Steps"].AsArray[0]["Invocations"].AsArray[0];
        Assert.Equal("Running", invocation["State"].AsString);
        Assert.Equal(ListeningTentacle.WorkerName, invocation["Worker"].AsString);
        Assert.False(string.IsNullOrEmpty(invocation["WorkerId"].AsString));
        Assert.Equal($"{id}.{stored["Steps"].AsArray[0]["StepId"].AsString}", invocation["Ticket"].AsString);
        Assert.True(invocation["TentacleSequence"].AsInt64 >= 15, invocation.ToString());

        await setup.RestartAsync();
        await setup.AssertCompletedWithEveryLineOnceAsync(id);
    }

    /// <summary>
    /// A crash as the data file sees it: the store is closed mid-run, so nothing the server does afterwards is stored
    /// (no last flush, no final record), wherever the log writer and the task were. Nothing is sent to the tentacle
    /// either. The restarted server starts from that file.
    /// </summary>
    [Fact]
    public async Task RemoteScript_SurvivesACrash_FollowedAgainFromTheStoredPosition_EveryLineOnce()
    {
        await using var setup = await RestartableTentacle.StartAsync();
        var id = await setup.RunCountingAsync();
        await setup.WaitForLineAsync(id, "line-12");

        setup.Server.Server.Services.GetRequiredService<OctoStore>().Dispose();
        await setup.DisposeServerAfterCrashAsync();

        var stored = setup.StoredTask(id);
        Assert.Equal("Executing", stored["State"].AsString);
        Assert.Equal("Running", stored["Steps"].AsArray[0]["Invocations"].AsArray[0]["State"].AsString);
        Assert.InRange(setup.StoredLog(id).Count(t => t.StartsWith("line-", StringComparison.Ordinal)), 12, 59); // caught mid-run

        await setup.RestartAsync();
        await setup.AssertCompletedWithEveryLineOnceAsync(id);
        Assert.Contains(await setup.Api.LogTextAsync(id), t => t.Contains("The server restarted while step 'Count' ran on tentacle tentacle-1; it resumes following it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RemoteScript_WhoseWorkerWasDeletedDuringTheRestart_FailsTheStepClearly()
    {
        await using var setup = await RestartableTentacle.StartAsync();
        var id = await setup.RunCountingAsync();
        await setup.WaitForLineAsync(id, "line-5");
        await setup.StopServerAsync();
        using (var database = setup.OpenDataFile())
        {
            var workers = database.GetCollection("workers");
            Assert.Equal(1, workers.DeleteAll());
        }

        await setup.RestartAsync();
        var task = await setup.Api.WaitAsync(id, 30);

        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        Assert.Equal(["Failed", "Skipped"], task["Steps"]!.AsArray().Select(s => s!["State"]!.GetValue<string>()));
        Assert.Contains("Worker 'tentacle-1'", task["ErrorMessage"]!.GetValue<string>());
        Assert.Contains("has been deleted since", task["ErrorMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task UserCancel_AfterAResume_StillStopsTheScriptOnTheTentacle()
    {
        await using var setup = await RestartableTentacle.StartAsync();
        await setup.Api.RunbookAsync("Hang", ListeningTentacle.Remote("Sleep", "echo started; sleep 300"));
        var id = await setup.Api.RunAsync("Hang");
        await setup.WaitForLineAsync(id, "started");
        await setup.StopServerAsync();

        await setup.RestartAsync();
        await setup.WaitForLineAsync(id, "following it again", exact: false);
        var cancel = await setup.Server.Socket.PostAsync($"api/tasks/{id}/cancel", null);
        var task = await setup.Api.WaitAsync(id, 30);

        Assert.True(cancel.IsSuccessStatusCode);
        Assert.Equal("Canceled", task["State"]!.GetValue<string>());
        Assert.Contains("Stopping the script on the tentacle: the step was canceled.", await setup.Api.LogTextAsync(id));
        Assert.Empty(Directory.EnumerateDirectories(setup.TentacleHome, $"{id}.*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task GracefulStop_WithABuiltInScriptRunningAlongside_FailsTheTask_AndCancelsTheRemoteScriptToo()
    {
        using var work = new TempDirectory();
        await using var setup = await RestartableTentacle.StartAsync();
        var remote = ListeningTentacle.Remote("Remote", $$"""
            echo $$ > '{{work.Path}}/script.pid'
            echo remote-started
            sleep 300
            """);
        remote["StartTrigger"] = "StartWithPrevious";
        await setup.Api.RunbookAsync("Mixed", TaskApi.Bash("Local", "echo local-started; sleep 300"), remote);
        var id = await setup.Api.RunAsync("Mixed");
        await setup.WaitForLineAsync(id, "local-started");
        await setup.WaitForLineAsync(id, "remote-started");
        var pid = int.Parse(File.ReadAllText(work.Combine("script.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

        await setup.StopServerAsync();
        await Scripting.Processes.ProcTable.WaitUntilAsync(() => !Scripting.Processes.ProcTable.IsRunning(pid), TestTimeout.Token(20));
        await setup.RestartAsync();
        var task = await setup.Api.WaitAsync(id);

        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        Assert.Contains("server stopped", task["ErrorMessage"]!.GetValue<string>());
        Assert.Contains("Stopping the script on the tentacle: the step was canceled.", await setup.Api.LogTextAsync(id));
    }

    /// <summary>
    /// The regression the journal position guards against: a unit of lines written through one position is never
    /// split between two stored batches, so the stored position always ends exactly at the last line of its entry.
    /// </summary>
    [Fact]
    public async Task LogWriter_StoresEachPositionWithExactlyTheLinesItCovers()
    {
        using var directory = new TempDirectory();
        using var store = OctoStore.Open(directory.Combine("octolite.db"));
        var batches = new List<(long LastLine, long Position)>();
        await using (var log = new TaskLogWriter(store, new TaskSignals(), TimeProvider.System, "ServerTasks-1", 0))
        {
            log.StorePositionsWith((lines, positions) =>
            {
                store.Write(s =>
                {
                    s.TaskLog.Append("ServerTasks-1", lines);
                    return true;
                });
                batches.Add((lines.Count > 0 ? lines.LastSequence : -1, positions["Steps-1/worker"]));
            });
            for (var entry = 1; entry <= 30_000; entry++)
            {
                var count = entry % 7 + 1;
                var current = entry;
                log.WriteThrough("Steps-1/worker", entry, () => log.Write(Domain.TaskLogLevel.Info, "Steps-1/worker",
                    string.Join('\n', Enumerable.Range(1, count).Select(k => $"{current}:{k}/{count}"))));
            }
        }

        var stored = store.Read(s => s.TaskLog.ReadAfter("ServerTasks-1", 0, 1_000_000));
        Assert.True(batches.Count > 2, $"only {batches.Count} batches");
        foreach (var (lastLine, position) in batches.Where(b => b.LastLine > 0))
        {
            var text = stored[(int)lastLine - 1].Text;
            var parts = text.Split(':', '/');
            Assert.Equal(position.ToString(System.Globalization.CultureInfo.InvariantCulture), parts[0]);
            Assert.Equal(parts[2], parts[1]); // the entry's last line
        }
    }
}
