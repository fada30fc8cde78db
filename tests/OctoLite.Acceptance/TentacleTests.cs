using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using OctoLite.Acceptance.Support;

namespace OctoLite.Acceptance;

/// <summary>
/// A listening tentacle as its own process of the published binary: instance made and configured with the tentacle
/// verbs, registered with <c>worker register-listening</c>, and a runbook step on its pool runs there.
/// </summary>
public sealed class TentacleTests
{
    [BinaryFact]
    public async Task ListeningTentacleProcess_RunsAStepOfItsPool_WithLogsOutputsAndMasking()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var dir = new TempDirectory();
        var home = dir.Combine("tentacle");
        var environment = new Dictionary<string, string?> { ["OCTOLITE_TENTACLE_CONFIG_DIR"] = dir.Combine("tentacle-config") };
        Task<ProcessResult> Tentacle(params string[] arguments) =>
            OctoLiteProcess.RunAsync(["tentacle", .. arguments, "--home", home], deadline.Token, environment: environment);

        await using var server = await ServerFixture.StartAsync(dir.Combine("data"), deadline.Token);
        var cli = server.Cli;
        var serverThumbprint = (await cli.RunAsync("server", "show-thumbprint")).ShouldExit(0).StdOut.Trim();
        var port = FreePort();
        (await Tentacle("create-instance", "--instance", "Edge")).ShouldExit(0);
        (await Tentacle("configure", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--listen-address", "127.0.0.1", "--trust", serverThumbprint)).ShouldExit(0);
        var tentacleThumbprint = (await Tentacle("show-thumbprint")).ShouldExit(0).StdOut.Trim();
        Assert.Matches("^[0-9A-F]{40}$", tentacleThumbprint);

        using var agent = new Process { StartInfo = OctoLiteProcess.StartInfo(["tentacle", "run", "--home", home], environment: environment) };
        agent.Start();
        agent.StandardInput.Close();
        var agentErr = agent.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await WaitForPortAsync(port, deadline.Token);
            await cli.JsonAsync("pool", "create", "--name", "Remote");
            (await cli.RunAsync("worker", "register-listening", "--name", "edge-1", "--uri", $"https://127.0.0.1:{port}/", "--thumbprint", tentacleThumbprint, "--pool", "Remote")).ShouldExit(0);
            await cli.JsonAsync("project", "create", "--name", "Shop");
            await cli.JsonAsync("variable", "set", "--project", "Shop", "--name", "Token", "--value", "edge-S3cret-42", "--sensitive");
            var processFile = dir.Combine("process.json");
            await File.WriteAllTextAsync(processFile, new JsonObject
            {
                ["steps"] = new JsonArray(
                    new JsonObject { ["name"] = "Remote", ["workerPool"] = "Remote", ["script"] = "echo \"on $(hostname) token #{Token}\"; set_octopusvariable Where edge" },
                    new JsonObject { ["name"] = "Back", ["executionLocation"] = "BuiltInWorker", ["script"] = "echo \"came from #{Octopus.Action[Remote].Output.Where}\"" }),
            }.ToJsonString());
            await cli.JsonAsync("runbook", "create", "--project", "Shop", "--name", "Check", "--file", processFile);

            var run = (await cli.RunAsync("runbook", "run", "Check", "--project", "Shop", "--follow")).ShouldExit(0);
            var task = await cli.JsonAsync("task", "show", "1");

            Assert.Contains("token ********", run.StdOut);
            Assert.Contains("came from edge", run.StdOut);
            Assert.DoesNotContain("edge-S3cret-42", run.StdOut);
            Assert.Equal("edge-1", task.Field("Steps").Items()[0].Str("Worker"));
        }
        finally
        {
            PosixSignals.Terminate(agent.Id);
            if (!agent.WaitForExit(TimeSpan.FromSeconds(20)))
                OctoLiteProcess.KillTree(agent);
        }

        Assert.Equal(0, agent.ExitCode);
        Assert.DoesNotContain("edge-S3cret-42", await agentErr);
        await server.StopAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port, CancellationToken deadline)
    {
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, deadline);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, deadline);
            }
        }
    }
}
