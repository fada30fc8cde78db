using System.Net;
using System.Text.Json.Nodes;
using LiteDB;
using OctoLite.Domain;
using OctoLite.Server.Tasks;
using OctoLite.Storage;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Tasks;

/// <summary>The task log: stored in batches, read after a sequence number while the task runs, tailed over server-sent events.</summary>
public sealed class TaskLogTests
{
    [Fact]
    public void Chunks_RoundTripEveryField_AndReadAfterAnySequence()
    {
        using var directory = new TempDirectory();
        using var store = OctoStore.Open(directory.Combine("octolite.db"));
        var time = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);
        var lines = Enumerable.Range(1, 250).Select(i => new TaskLogLine
        {
            Sequence = i,
            Time = time.AddMilliseconds(i),
            Level = (TaskLogLevel)(i % 7),
            Block = i % 3 == 0 ? "" : $"Steps-{i % 2}",
            Text = i % 10 == 0 ? "" : $"line {i} ✓",
        }).ToList();
        store.Write(s =>
        {
            s.TaskLog.Append("ServerTasks-1", lines[..100]);
            s.TaskLog.Append("ServerTasks-1", lines[100..101]);
            s.TaskLog.Append("ServerTasks-1", lines[101..]);
            s.TaskLog.Append("ServerTasks-10", [lines[0]]);
            return true;
        });

        Assert.Equal(lines, store.Read(s => s.TaskLog.ReadAfter("ServerTasks-1", 0, 1000)));
        Assert.Equal(lines[99..], store.Read(s => s.TaskLog.ReadAfter("ServerTasks-1", 99, 1000)));
        Assert.Equal(lines[100..105], store.Read(s => s.TaskLog.ReadAfter("ServerTasks-1", 100, 5)));
        Assert.Empty(store.Read(s => s.TaskLog.ReadAfter("ServerTasks-1", 250, 1000)));
        Assert.Equal(250, store.Read(s => s.TaskLog.LastSequence("ServerTasks-1")));
        Assert.Equal(1, store.Read(s => s.TaskLog.LastSequence("ServerTasks-10")));
        Assert.Equal(0, store.Read(s => s.TaskLog.LastSequence("ServerTasks-2")));
    }

    [Fact]
    public async Task Writer_StoresLinesInBatches_NotOneWritePerLine()
    {
        using var directory = new TempDirectory();
        var file = directory.Combine("octolite.db");
        using (var store = OctoStore.Open(file))
        {
            await using (var log = new TaskLogWriter(store, new TaskSignals(), TimeProvider.System, "ServerTasks-1", 0))
            {
                for (var i = 1; i <= 20_000; i++)
                {
                    log.Info("", $"line {i}");
                }

                log.Warning("Steps-1", "two\nlines");
            }

            var stored = store.Read(s => s.TaskLog.ReadAfter("ServerTasks-1", 0, 100_000));
            Assert.Equal(20_002, stored.Count);
            Assert.Equal("line 20000", stored[19_999].Text);
            Assert.Equal(["two", "lines"], stored[20_000..].Select(l => l.Text));
        }

        using var database = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct });
        var chunks = database.GetCollection("tasklogs").Count();
        Assert.InRange(chunks, 1, 20);
    }

    [Fact]
    public async Task Log_IsReadableWhileTheTaskRuns_AndCompleteAfter()
    {
        using var work = new TempDirectory();
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Slow", TaskApi.Bash("Tick", $$"""
            echo first
            while [ ! -f '{{work.Path}}/go' ]; do sleep 0.05; done
            echo second
            """));
        var id = await api.RunAsync("Slow");

        JsonNode page;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            page = await server.GetJsonAsync($"api/tasks/{id}/log?after=0");
            Assert.True(DateTime.UtcNow < deadline, "the first line never became readable");
        }
        while (!page["Lines"]!.AsArray().Any(l => l!["Text"]!.GetValue<string>() == "first"));

        Assert.False(page["IsComplete"]!.GetValue<bool>());
        var next = page["Next"]!.GetValue<long>();
        await File.WriteAllTextAsync(work.Combine("go"), "");
        await api.WaitAsync(id);
        var rest = await server.GetJsonAsync($"api/tasks/{id}/log?after={next}");

        Assert.True(rest["IsComplete"]!.GetValue<bool>());
        Assert.Contains(rest["Lines"]!.AsArray(), l => l!["Text"]!.GetValue<string>() == "second");
        Assert.All(rest["Lines"]!.AsArray(), l => Assert.True(l!["Sequence"]!.GetValue<long>() > next));
    }

    [Fact]
    public async Task EventStream_TailsTheLog_ThenEndsWithTheTask()
    {
        using var work = new TempDirectory();
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Stream", TaskApi.Bash("Tick", $$"""
            for i in 1 2 3; do echo "tick $i"; sleep 0.1; done
            while [ ! -f '{{work.Path}}/go' ]; do sleep 0.05; done
            echo done
            """));
        var id = await api.RunAsync("Stream");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/tasks/{id}/log/stream");
        using var response = await server.Socket.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestTimeout.Token());
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var texts = new List<string>();
        var ids = new List<long>();
        string? end = null;
        string? eventName = null;
        while (await reader.ReadLineAsync(TestTimeout.Token()) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                ids.Add(long.Parse(line[4..]));
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "line")
            {
                texts.Add(JsonNode.Parse(line[6..])!["Text"]!.GetValue<string>());
                if (texts.Contains("tick 3") && !File.Exists(work.Combine("go")))
                {
                    await File.WriteAllTextAsync(work.Combine("go"), "");
                }
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "end")
            {
                end = line[6..];
            }
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["tick 1", "tick 2", "tick 3", "done"], texts.Where(t => t.StartsWith("tick", StringComparison.Ordinal) || t == "done"));
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => (long)i), ids);
        Assert.NotNull(end);
        Assert.Equal("Success", JsonNode.Parse(end)!["State"]!.GetValue<string>());
        Assert.Equal(ids.Count, JsonNode.Parse(end)!["LogLineCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task EventStream_ResumesAfterLastEventId()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Few", TaskApi.Bash("Echo", "echo a; echo b; echo c"));
        var id = await api.RunAsync("Few");
        await api.WaitAsync(id);
        var all = await api.LogAsync(id);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/tasks/{id}/log/stream");
        request.Headers.Add("Last-Event-ID", (all.Count - 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var body = await (await server.Socket.SendAsync(request)).Content.ReadAsStringAsync();

        var ids = body.Split('\n').Where(l => l.StartsWith("id: ", StringComparison.Ordinal)).Select(l => long.Parse(l[4..])).ToList();
        Assert.Equal([all.Count - 1, all.Count], ids);
        Assert.Contains("event: end", body);
    }

    [Theory]
    [InlineData("after=-1", "after")]
    [InlineData("take=0", "take")]
    [InlineData("take=10001", "take")]
    public async Task Log_WithBadPaging_Is400NamingTheParameter(string query, string field)
    {
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("One", TaskApi.Bash("Echo", "echo a"));
        var id = await api.RunAsync("One");

        var response = await server.Socket.GetAsync($"api/tasks/{id}/log?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task LargeOutput_EveryLineIsStored_InOrder()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Flood", TaskApi.Bash("Print", "seq 1 200000"));

        var id = await api.RunAsync("Flood");
        await api.WaitAsync(id, 60);
        var numbers = (await api.LogTextAsync(id)).Where(t => t.Length > 0 && char.IsAsciiDigit(t[0]) && t.All(char.IsAsciiDigit)).Select(int.Parse).ToList();

        Assert.Equal(Enumerable.Range(1, 200_000), numbers);
    }

    [Fact]
    public async Task RandomBytesOnStdout_NeverBreakTheTask()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Noise", TaskApi.Bash("Bytes", """
            head -c 300000 /dev/urandom
            for i in $(seq 1 200); do printf '##octopus[%s' "$(head -c 20 /dev/urandom | base64)"; printf "##octopus[setVariable name='%s' value=\n" "$(head -c 9 /dev/urandom | tr -d '\n')"; done
            echo; echo survived
            """));

        var id = await api.RunAsync("Noise");
        var task = await api.WaitAsync(id, 60);

        Assert.Equal("Success", task["State"]!.GetValue<string>());
        Assert.Contains("survived", await api.LogTextAsync(id));
    }
}
