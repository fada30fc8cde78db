using System.Net;
using System.Text.Json.Nodes;
using LiteDB;
using OctoLite.Tests.Scripting.Processes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Tasks;

/// <summary>The queue, cap, drain, cancel, timeouts and restart, with real processes.</summary>
public sealed class TaskQueueTests
{
    [Fact]
    public async Task FiftyQueuedTasks_NeverRunMoreThanTheTaskCap_AndAllSucceedInOrder()
    {
        using var work = new TempDirectory();
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.SetConfigurationAsync("""{"TaskCap":3}""");
        // Each run marks itself running, records how many are running, and unmarks itself.
        await api.RunbookAsync("Busy", TaskApi.Bash("Count", $$"""
            dir='{{work.Path}}'
            mkdir -p "$dir/running"
            touch "$dir/running/#{Octopus.Task.Id}"
            date +%s%N >> "$dir/started-#{Octopus.Task.Id}"
            ls "$dir/running" | wc -l >> "$dir/counts"
            sleep 0.15
            rm "$dir/running/#{Octopus.Task.Id}"
            """));

        var ids = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add(await api.RunAsync("Busy"));
        }

        foreach (var id in ids)
        {
            Assert.Equal("Success", (await api.WaitAsync(id, 60))["State"]!.GetValue<string>());
        }

        var counts = File.ReadAllLines(work.Combine("counts")).Select(int.Parse).ToList();
        Assert.Equal(50, counts.Count);
        Assert.True(counts.Max() <= 3, $"more than 3 ran at once: {string.Join(",", counts)}");
        Assert.Equal(3, counts.Max()); // and the cap is used, not just respected
        var starts = (await Task.WhenAll(ids.Select(async id => (await api.TaskAsync(id))["StartTime"]!.GetValue<DateTimeOffset>()))).ToList();
        Assert.True(starts[0] <= starts[^1]);
        Assert.True(starts.Zip(starts.Skip(3)).All(p => p.First <= p.Second), "a later task started before one queued three places earlier");
    }

    [Fact]
    public async Task RaisingTheTaskCap_AtRunTime_StartsWaitingTasksAtOnce()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.SetConfigurationAsync("""{"TaskCap":1}""");
        await api.RunbookAsync("Slow", TaskApi.Bash("Wait", "sleep 30"));
        var first = await api.RunAsync("Slow");
        var second = await api.RunAsync("Slow");
        await api.WaitForStateAsync(first, "Executing");
        await Task.Delay(200);
        Assert.Equal("Queued", (await api.TaskAsync(second))["State"]!.GetValue<string>());

        await api.SetConfigurationAsync("""{"TaskCap":2}""");

        await api.WaitForStateAsync(second, "Executing");
        var status = await server.GetJsonAsync("api/serverstatus");
        Assert.Equal(2, status["TaskQueue"]!["Executing"]!.GetValue<int>());
        await server.Socket.PostAsync($"api/tasks/{first}/cancel", null);
        await server.Socket.PostAsync($"api/tasks/{second}/cancel", null);
        await api.WaitAsync(first);
        await api.WaitAsync(second);
    }

    [Fact]
    public async Task Drain_KeepsQueuedTasksWaiting_UntilUndrained()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Quick", TaskApi.Bash("Echo", "echo hi"));

        await api.SetConfigurationAsync("""{"IsDraining":true}""");
        var id = await api.RunAsync("Quick");
        await Task.Delay(500);
        var status = await server.GetJsonAsync("api/serverstatus");

        Assert.Equal("Queued", (await api.TaskAsync(id))["State"]!.GetValue<string>());
        Assert.True(status["TaskQueue"]!["IsDraining"]!.GetValue<bool>());
        Assert.Equal(1, status["TaskQueue"]!["Queued"]!.GetValue<int>());

        await api.SetConfigurationAsync("""{"IsDraining":false}""");
        Assert.Equal("Success", (await api.WaitAsync(id))["State"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_Running_StopsTheWholeProcessTree_AndEndsCanceled()
    {
        using var work = new TempDirectory();
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Tree", TaskApi.Bash("Fork", $$"""
            sleep 300 &
            echo $! > '{{work.Path}}/child.pid'
            ( trap '' TERM; sleep 300 ) &
            bash -c 'sleep 300 & echo $! > "{{work.Path}}/grandchild.pid"; wait' &
            echo $$ > '{{work.Path}}/script.pid'
            echo started
            wait
            """), TaskApi.Bash("After", "echo must not run"));
        var id = await api.RunAsync("Tree");
        await ProcTable.WaitUntilAsync(() => File.Exists(work.Combine("script.pid")) && File.Exists(work.Combine("grandchild.pid")) && File.ReadAllText(work.Combine("grandchild.pid")).EndsWith('\n'), TestTimeout.Token());
        var pids = new[] { "script.pid", "child.pid", "grandchild.pid" }.Select(f => int.Parse(File.ReadAllText(work.Combine(f)).Trim())).ToList();
        var group = pids[0];

        var cancel = await server.Socket.PostAsync($"api/tasks/{id}/cancel", null);
        var cancelling = JsonNode.Parse(await cancel.Content.ReadAsStringAsync())!;
        var task = await api.WaitAsync(id, 30);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("Cancelling", cancelling["State"]!.GetValue<string>());
        Assert.Equal("Canceled", task["State"]!.GetValue<string>());
        Assert.Equal(["Canceled", "Skipped"], task["Steps"]!.AsArray().Select(s => s!["State"]!.GetValue<string>()));
        Assert.All(pids, pid => Assert.False(ProcTable.IsRunning(pid), $"process {pid} survived the cancel"));
        Assert.Empty(ProcTable.RunningInGroup(group));
        Assert.Contains("Canceled by", task["ErrorMessage"]!.GetValue<string>());
        var again = await server.Socket.PostAsync($"api/tasks/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Cancel_Queued_EndsItWithoutRunning()
    {
        using var work = new TempDirectory();
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Mark", TaskApi.Bash("Touch", $"touch '{work.Path}/ran'"));
        await api.SetConfigurationAsync("""{"IsDraining":true}""");
        var id = await api.RunAsync("Mark");

        var cancel = await server.Socket.PostAsync($"api/tasks/{id}/cancel", null);
        await api.SetConfigurationAsync("""{"IsDraining":false}""");
        var other = await api.RunAsync("Mark");
        await api.WaitAsync(other);
        var task = await api.TaskAsync(id);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("Canceled", task["State"]!.GetValue<string>());
        Assert.Null(task["StartTime"]);
        Assert.Equal(["Skipped"], task["Steps"]!.AsArray().Select(s => s!["State"]!.GetValue<string>()));
        var events = await server.GetJsonAsync($"api/events?document={id}");
        Assert.Contains(events["Items"]!.AsArray(), e => e!["Category"]!.GetValue<string>() == "Canceled");
    }

    [Fact]
    public async Task StepTimeout_StopsTheScript_AndTheTaskTimesOut()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Hang", TaskApi.Bash("Sleep", "echo sleeping; sleep 60", timeout: "00:00:01"));

        var task = await api.WaitAsync(await api.RunAsync("Hang"), 30);

        Assert.Equal("TimedOut", task["State"]!.GetValue<string>());
        Assert.Equal("TimedOut", task["Steps"]![0]!["State"]!.GetValue<string>());
        Assert.Contains("timed out", task["ErrorMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task TaskTimeout_StopsTheRun_AndTheTaskTimesOut()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Long", TaskApi.Bash("One", "sleep 0.2"), TaskApi.Bash("Two", "sleep 60"), TaskApi.Bash("Three", "echo never"));

        var task = await api.WaitAsync(await api.RunAsync("Long", """{"Timeout":"00:00:01"}"""), 30);

        Assert.Equal("TimedOut", task["State"]!.GetValue<string>());
        Assert.Equal(["Success", "Canceled", "Skipped"], task["Steps"]!.AsArray().Select(s => s!["State"]!.GetValue<string>()));
        Assert.Contains("timed out", task["ErrorMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task Restart_FailsTheTaskThatWasRunning_AndRunsTheQueuedOnes()
    {
        using var directory = new TempDirectory();
        string running, queued1, queued2;
        var server = await RunningServer.StartAsync(directory);
        try
        {
            var api = new TaskApi(server);
            await api.ProjectAsync();
            await api.SetConfigurationAsync("""{"TaskCap":1}""");
            await api.RunbookAsync("Slow", TaskApi.Bash("Wait", "echo waiting; sleep 60"));
            await api.RunbookAsync("Quick", TaskApi.Bash("Echo", "echo quick"));
            running = await api.RunAsync("Slow");
            queued1 = await api.RunAsync("Quick");
            queued2 = await api.RunAsync("Quick");
            await api.WaitForStateAsync(running, "Executing");
        }
        finally
        {
            await server.DisposeAsync();
        }

        await using var restarted = await RunningServer.StartAsync(directory);
        var after = new TaskApi(restarted);
        var stopped = await after.WaitAsync(running);
        Assert.Equal("Failed", stopped["State"]!.GetValue<string>());
        Assert.Contains("server stopped", stopped["ErrorMessage"]!.GetValue<string>());
        Assert.Equal("Success", (await after.WaitAsync(queued1))["State"]!.GetValue<string>());
        Assert.Equal("Success", (await after.WaitAsync(queued2))["State"]!.GetValue<string>());
        Assert.Contains("quick", await after.LogTextAsync(queued2));
    }

    [Fact]
    public async Task Restart_AfterACrash_ReconcilesATaskLeftExecuting_WithAClearMessage()
    {
        using var directory = new TempDirectory();
        string id;
        await using (var server = await RunningServer.StartAsync(directory))
        {
            var api = new TaskApi(server);
            await api.ProjectAsync();
            await api.RunbookAsync("Quick", TaskApi.Bash("Echo", "echo quick"));
            id = await api.RunAsync("Quick");
            await api.WaitAsync(id);
        }

        // What a killed server leaves behind: the task still marked Executing in the data file.
        using (var database = new LiteDatabase(new ConnectionString { Filename = Path.Combine(directory.Path, "data", "octolite.db"), Connection = ConnectionType.Direct }))
        {
            var tasks = database.GetCollection("tasks");
            var document = tasks.FindById(id);
            document["State"] = "Executing";
            document["CompletedTime"] = BsonValue.Null;
            tasks.Update(document);
        }

        await using var restarted = await RunningServer.StartAsync(directory);
        var task = await new TaskApi(restarted).TaskAsync(id);
        var log = await new TaskApi(restarted).LogTextAsync(id);

        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        Assert.Contains("server restarted", task["ErrorMessage"]!.GetValue<string>());
        Assert.Contains(log, l => l.Contains("server restarted", StringComparison.Ordinal));
        Assert.Equal(log.Count, task["LogLineCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task Restart_AfterACrash_KillsTheScriptTheDeadServerLeftRunning_AndNothingElse()
    {
        using var directory = new TempDirectory();
        string id;
        await using (var server = await RunningServer.StartAsync(directory))
        {
            var api = new TaskApi(server);
            await api.ProjectAsync();
            await api.RunbookAsync("Two", TaskApi.Bash("First", "true"), TaskApi.Bash("Second", "true"));
            id = await api.RunAsync("Two");
            await api.WaitAsync(id);
        }

        // Two scripts "left running": one recorded with its real start time, one whose recorded start time does not
        // match (as when its pid has been reused by an unrelated process since).
        using var leftover = System.Diagnostics.Process.Start("setsid", ["--wait", "sleep", "300"]);
        using var unrelated = System.Diagnostics.Process.Start("setsid", ["--wait", "sleep", "300"]);
        await ProcTable.WaitUntilAsync(() => OctoLite.Scripting.Processes.ProcessGroup.GroupOf(leftover.Id) == leftover.Id && OctoLite.Scripting.Processes.ProcessGroup.GroupOf(unrelated.Id) == unrelated.Id, TestTimeout.Token());
        try
        {
            using (var database = new LiteDatabase(new ConnectionString { Filename = Path.Combine(directory.Path, "data", "octolite.db"), Connection = ConnectionType.Direct }))
            {
                var tasks = database.GetCollection("tasks");
                var document = tasks.FindById(id);
                document["State"] = "Executing";
                var steps = document["Steps"].AsArray;
                steps[0]["State"] = "Running";
                steps[0]["ProcessGroupId"] = leftover.Id;
                steps[0]["ProcessStartTime"] = OctoLite.Scripting.Processes.ProcessGroup.StartTime(leftover.Id)!.Value;
                steps[1]["State"] = "Running";
                steps[1]["ProcessGroupId"] = unrelated.Id;
                steps[1]["ProcessStartTime"] = OctoLite.Scripting.Processes.ProcessGroup.StartTime(unrelated.Id)!.Value - 1;
                tasks.Update(document);
            }

            await using var restarted = await RunningServer.StartAsync(directory);
            var log = await new TaskApi(restarted).LogTextAsync(id);

            Assert.True(leftover.WaitForExit(5000), "the leftover script was not killed");
            Assert.False(unrelated.HasExited, "a process whose start time did not match was killed");
            Assert.Contains(log, l => l.Contains($"process group {leftover.Id}", StringComparison.Ordinal));
            Assert.DoesNotContain(log, l => l.Contains($"process group {unrelated.Id}", StringComparison.Ordinal));
        }
        finally
        {
            if (!leftover.HasExited)
            {
                leftover.Kill();
            }

            unrelated.Kill();
        }
    }
}
