using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using OctoLite.Server.Security;
using OctoLite.Storage;
using OctoLite.Tentacle.Agent;
using OctoLite.Tests.Support;
using OctoLite.Tests.Workers;

namespace OctoLite.Tests.Server.Tasks;

/// <summary>
/// A server, a listening tentacle "tentacle-1" registered in the pool "Remote", the project "Ops", and the means to
/// stop and restart the server on the same data dir and to look into that data while it is stopped.
/// </summary>
internal sealed class RestartableTentacle : IAsyncDisposable
{
    /// <summary>A script that counts to 60 over about six seconds, setting an output variable before and after.</summary>
    public const string Counting = """
        echo "begin $$"
        set_octopusvariable "Early" "before-the-restart"
        for i in $(seq 1 60); do echo line-$i; sleep 0.1; done
        set_octopusvariable "Late" "after-the-restart"
        """;

    private readonly TempDirectory _directory;
    private bool _serverDisposed;

    private RestartableTentacle(TempDirectory directory, RunningServer server, TentacleAgent agent)
    {
        _directory = directory;
        Server = server;
        Agent = agent;
    }

    public RunningServer Server { get; private set; }
    public TentacleAgent Agent { get; }
    public TaskApi Api => new(Server);
    public string TentacleHome => _directory.Combine("tentacle");

    public static async Task<RestartableTentacle> StartAsync()
    {
        var directory = new TempDirectory();
        var server = await RunningServer.StartAsync(directory);
        var thumbprint = server.Server.Services.GetRequiredService<ServerCertificate>().Thumbprint;
        var agent = await ListeningTentacle.StartAgentAsync(directory.Combine("tentacle"), [thumbprint]);
        var setup = new RestartableTentacle(directory, server, agent);
        await setup.Api.ProjectAsync();
        var pool = await server.Socket.PostAsync("api/workerpools", RunningServer.Json($$"""{"Name":"{{ListeningTentacle.Pool}}"}"""));
        Assert.True(pool.IsSuccessStatusCode, await pool.Content.ReadAsStringAsync());
        var (exitCode, output, error) = await server.CliAsync("worker", "register-listening", "--name", ListeningTentacle.WorkerName, "--uri", agent.ListenUri!.ToString(),
            "--thumbprint", agent.Thumbprint, "--pool", ListeningTentacle.Pool, "--no-check");
        Assert.True(exitCode == 0, output + error);
        return setup;
    }

    public async Task<string> RunCountingAsync()
    {
        await Api.RunbookAsync("Count", ListeningTentacle.Remote("Count", Counting),
            ListeningTentacle.Remote("Use", """echo "outputs #{Octopus.Action[Count].Output.Early} #{Octopus.Action[Count].Output.Late}" """));
        return await Api.RunAsync("Count");
    }

    public async Task WaitForLineAsync(string id, string text, bool exact = true)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await Api.LogTextAsync(id)).Any(t => exact ? t == text : t.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{id} never logged '{text}': {string.Join("\n", await Api.LogTextAsync(id))}");
            await Task.Delay(20);
        }
    }

    public async Task StopServerAsync()
    {
        _serverDisposed = true;
        await Server.DisposeAsync();
    }

    public async Task RestartAsync()
    {
        Assert.True(_serverDisposed);
        Server = await RunningServer.StartAsync(_directory);
        _serverDisposed = false;
    }

    /// <summary>Stops a server whose store was closed under it: its writes fail, as a dead process's would never happen.</summary>
    public async Task DisposeServerAfterCrashAsync()
    {
        _serverDisposed = true;
        try
        {
            await Server.DisposeAsync();
        }
        catch (ObjectDisposedException)
        {
            // the store was closed on purpose
        }
    }

    public async Task AssertCompletedWithEveryLineOnceAsync(string id)
    {
        var task = await Api.WaitAsync(id, 60);
        var texts = await Api.LogTextAsync(id);
        var log = string.Join("\n", texts);

        Assert.True(task["State"]!.GetValue<string>() == "Success", log);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => $"line-{i}"), texts.Where(t => t.StartsWith("line-", StringComparison.Ordinal)));
        Assert.Single(texts, t => t.StartsWith("begin ", StringComparison.Ordinal)); // the script ran once, not again
        Assert.Contains("outputs before-the-restart after-the-restart", texts);
        Assert.Contains(texts, t => t.Contains("following it again", StringComparison.Ordinal));
        var outputs = task["OutputVariables"]!.AsArray().Select(o => $"{o!["Name"]}={o["Value"]}").ToList();
        Assert.Contains("Early=before-the-restart", outputs);
        Assert.Contains("Late=after-the-restart", outputs);
        Assert.Equal(texts.Count, task["LogLineCount"]!.GetValue<long>());
        // The restarted server completed the ticket: the tentacle keeps nothing of it.
        Assert.Empty(Directory.EnumerateDirectories(TentacleHome, $"{id}.*", SearchOption.AllDirectories));
    }

    public List<string> StoredLog(string id)
    {
        using var store = OctoStore.Open(Path.Combine(_directory.Path, "data", "octolite.db"));
        return store.Read(s => s.TaskLog.ReadAfter(id, 0, 100_000)).Select(l => l.Text).ToList();
    }

    /// <summary>The stopped server's store, opened on its data file.</summary>
    public OctoStore OpenStore()
    {
        Assert.True(_serverDisposed);
        return OctoStore.Open(Path.Combine(_directory.Path, "data", "octolite.db"));
    }

    public LiteDatabase OpenDataFile() =>
        new(new ConnectionString { Filename = Path.Combine(_directory.Path, "data", "octolite.db"), Connection = ConnectionType.Direct });

    public BsonDocument StoredTask(string id)
    {
        using var database = OpenDataFile();
        return database.GetCollection("tasks").FindById(id);
    }

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        if (!_serverDisposed)
        {
            await Server.DisposeAsync();
        }

        _directory.Dispose();
    }
}
