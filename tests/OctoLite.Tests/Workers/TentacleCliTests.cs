using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Workers;

/// <summary><c>server show-thumbprint</c> and <c>worker register-listening</c> against a real server.</summary>
public sealed class TentacleCliTests
{
    [Fact]
    public async Task ShowThumbprint_PrintsTheServerCertificateThumbprint_KeptOwnerOnly_AndStableAcrossRestarts()
    {
        using var directory = new TempDirectory();
        string first;
        await using (var server = await RunningServer.StartAsync(directory))
        {
            var (exitCode, output, error) = await server.CliAsync("server", "show-thumbprint");
            var (jsonExit, json, _) = await server.CliAsync("server", "show-thumbprint", "-o", "json");
            var status = await server.GetJsonAsync("api/serverstatus");

            Assert.True(exitCode == 0, error);
            first = output.Trim();
            Assert.Matches("^[0-9A-F]{40}$", first);
            Assert.Equal(0, jsonExit);
            Assert.Equal(first, JsonNode.Parse(json)!["Thumbprint"]!.GetValue<string>());
            Assert.Equal(first, status["Thumbprint"]!.GetValue<string>());
            var file = Path.Combine(server.Paths.Directory, "server.pfx");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var (offlineExit, offline, offlineError) = await RunningServer.Cli(["--data-dir", Path.Combine(directory.Path, "data"), "server", "show-thumbprint"]);
        Assert.True(offlineExit == 0, offlineError);
        Assert.Equal(first, offline.Trim());
        Assert.Contains("No server is running", offlineError);

        await using var again = await RunningServer.StartAsync(directory);
        Assert.Equal(first, (await again.GetJsonAsync("api/serverstatus"))["Thumbprint"]!.GetValue<string>());
    }

    [Fact]
    public async Task RegisterListening_WithABadThumbprint_ExitsUsage_AndCreatesNothing()
    {
        await using var server = await RunningServer.StartAsync();

        var (exitCode, _, error) = await server.CliAsync("worker", "register-listening", "--name", "w", "--uri", "https://w:10933/", "--thumbprint", "nope", "--pool", "Default Worker Pool");
        var (badUri, _, uriError) = await server.CliAsync("worker", "register-listening", "--name", "w", "--uri", "http://w:10933/", "--thumbprint", new string('A', 40), "--pool", "Default Worker Pool");
        var workers = (await server.GetJsonAsync("api/workers"))["Items"]!;

        Assert.Equal(2, exitCode);
        Assert.Contains("Thumbprint", error);
        Assert.Equal(2, badUri);
        Assert.Contains("https://host:10933/", uriError);
        Assert.Empty(workers.AsArray());
    }

    [Fact]
    public async Task RegisterListening_UnreachableTentacle_IsRegistered_AndTheFailedCheckIsReported()
    {
        await using var server = await RunningServer.StartAsync();
        var port = FreePort();

        var (exitCode, output, error) = await server.CliAsync("worker", "register-listening", "--name", "far", "--uri", $"https://127.0.0.1:{port}/",
            "--thumbprint", new string('b', 40), "--pool", "Default Worker Pool");
        var worker = await server.GetJsonAsync("api/workers/far");

        Assert.True(exitCode == 0, error);
        Assert.Contains("Connection: FAILED, worker unavailable: the tentacle at", output);
        Assert.Contains("warning: worker 'far' is registered, but the server could not use the tentacle", error);
        Assert.Equal("TentaclePassive", worker["Endpoint"]!["CommunicationStyle"]!.GetValue<string>());
        Assert.Equal(new string('B', 40), worker["Endpoint"]!["Thumbprint"]!.GetValue<string>());
        var events = (await server.GetJsonAsync("api/events?take=20"))["Items"]!.AsArray();
        Assert.Contains(events, e => e!["Category"]!.GetValue<string>() == "Created" && e["DocumentId"]!.GetValue<string>() == worker["Id"]!.GetValue<string>());
    }

    [Fact]
    public async Task RegisterListening_ReachableTentacle_ReportsItsCapabilities()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var agent = fixture.Agent!;

        var (exitCode, json, error) = await fixture.Server.CliAsync("worker", "register-listening", "--name", "again", "--uri", agent.ListenUri!.ToString(),
            "--thumbprint", agent.Thumbprint, "--pool", ListeningTentacle.Pool, "-o", "json");
        var result = JsonNode.Parse(json)!;

        Assert.True(exitCode == 0, error);
        Assert.Equal("again", result["Worker"]!["Name"]!.GetValue<string>());
        Assert.True(result["Connection"]!["Reachable"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal(1, result["Connection"]!["Capabilities"]!["ProtocolVersion"]!.GetValue<int>());
        Assert.Contains("Bash", result["Connection"]!["Capabilities"]!["Shells"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("", error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
