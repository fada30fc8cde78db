using System.Net;
using OctoLite.Cli;
using OctoLite.Hosting;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Tentacle;

/// <summary><c>octolite tentacle run</c> starts the agent of an instance and stops on cancellation.</summary>
public sealed class TentacleRunCliTests
{
    [Fact]
    public async Task Run_OfAnUnknownInstance_IsAUsageError_NotACrash()
    {
        using var temp = new TempDirectory();
        var environment = new EnvironmentVariables(name => name == "OCTOLITE_TENTACLE_CONFIG_DIR" ? temp.Combine("config") : null);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliProgram.RunAsync(["tentacle", "run", "--instance", "Nope"], environment, output, error);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("Nope", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ListensOnTheConfiguredPort_UntilCanceled()
    {
        using var temp = new TempDirectory();
        var environment = new EnvironmentVariables(name => name switch
        {
            "OCTOLITE_TENTACLE_CONFIG_DIR" => temp.Combine("config"),
            "XDG_DATA_HOME" => temp.Combine("data"),
            _ => null,
        });
        var port = FreePort();
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await CliProgram.RunAsync(["tentacle", "create-instance", "--instance", "Tentacle"], environment, output, error));
        Assert.Equal(0, await CliProgram.RunAsync(["tentacle", "configure", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--listen-address", "127.0.0.1"], environment, output, error));

        using var stop = new CancellationTokenSource();
        var run = CliProgram.RunAsync(["tentacle", "run", "--log-format", "json"], environment, output, error, stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Listening(port))
        {
            Assert.False(run.IsCompleted, error.ToString());
            Assert.True(DateTime.UtcNow < deadline, "the agent never listened");
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains("trusts no server", error.ToString(), StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
