using System.Text;
using System.Text.Json.Nodes;
using OctoLite.Cli;
using OctoLite.Hosting;
using OctoLite.Server;

namespace OctoLite.Tests.Support;

/// <summary>A real server: Kestrel on a free loopback port and a Unix socket, over a real LiteDB file in a temp dir.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly TempDirectory? _ownedDirectory;

    private RunningServer(TempDirectory? ownedDirectory, OctoLiteServer server, DataPaths paths)
    {
        _ownedDirectory = ownedDirectory;
        Server = server;
        Paths = paths;
        TcpUrl = new Uri(server.ListenAddresses.First(a => a.StartsWith("http://127.0.0.1", StringComparison.Ordinal)));
        Socket = CreateSocketClient(paths.SocketFile);
        Tcp = new HttpClient { BaseAddress = TcpUrl };
    }

    public OctoLiteServer Server { get; }
    public DataPaths Paths { get; }
    public Uri TcpUrl { get; }

    /// <summary>Talks over the Unix socket: trusted, no API key.</summary>
    public HttpClient Socket { get; }

    /// <summary>Talks over TCP with no key unless a test adds one.</summary>
    public HttpClient Tcp { get; }

    /// <summary>Starts on <paramref name="directory"/> (left in place on dispose, so a test can restart on it or read its files) or on a fresh one.</summary>
    /// <param name="pollingPort">The polling endpoint's port (0 for a free one), or null to open none.</param>
    public static async Task<RunningServer> StartAsync(TempDirectory? directory = null, int? pollingPort = null)
    {
        var owned = directory is null ? new TempDirectory() : null;
        var paths = new DataPaths((directory ?? owned!).Combine("data"));
        var server = await OctoLiteServer.StartAsync(new ServerOptions { Paths = paths, Listen = "127.0.0.1:0", PollingPort = pollingPort, LogFormat = LogFormat.None }, TestTimeout.Token());
        return new RunningServer(owned, server, paths);
    }

    /// <summary>Runs a CLI command line against this server's data dir; returns exit code, stdout and stderr.</summary>
    public async Task<(int ExitCode, string Out, string Error)> CliAsync(params string[] args)
    {
        return await Cli(["--data-dir", Paths.Directory, .. args]);
    }

    public static async Task<(int ExitCode, string Out, string Error)> Cli(string[] args, Func<string, string?>? environment = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await CliProgram.RunAsync(args, new EnvironmentVariables(environment ?? (_ => null)), output, error, TestTimeout.Token());
        return (exitCode, output.ToString(), error.ToString());
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async Task<JsonNode> GetJsonAsync(string path) =>
        JsonNode.Parse(await Socket.GetStringAsync(path))!;

    public async ValueTask DisposeAsync()
    {
        Socket.Dispose();
        Tcp.Dispose();
        await Server.DisposeAsync();
        _ownedDirectory?.Dispose();
    }

    private static HttpClient CreateSocketClient(string socketPath)
    {
        var handler = OctoLite.Cli.Client.UnixSocketHttp.CreateHandler(socketPath);
        return new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") };
    }
}
