using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OctoLite.Benchmarks;

/// <summary>
/// A tentacle agent of the measured binary on loopback, for the dispatch scenario: an instance with a home of its own,
/// registered with the server as a worker in one pool through the real verbs (<c>create-instance</c>, <c>configure</c>,
/// <c>register-worker</c>, which also makes it trust the server's certificate), then <c>tentacle run</c>.
/// Disposing SIGTERMs the agent (killing it if it will not stop).
/// </summary>
internal sealed class LoopbackTentacle : IAsyncDisposable
{
    private readonly RunningProcess _process;
    private readonly TextWriter _progress;

    private LoopbackTentacle(string name, RunningProcess process, TextWriter progress)
    {
        Name = name;
        _process = process;
        _progress = progress;
    }

    /// <summary>The instance's name, also the worker's name on the server.</summary>
    public string Name { get; }

    /// <summary>A listening tentacle (TentaclePassive) on 127.0.0.1 and a free port; the server calls it.</summary>
    public static async Task<LoopbackTentacle> StartListeningAsync(
        TentacleVerbs verbs, string name, ServerEndpoints server, string apiKey, string pool, TextWriter progress, CancellationToken cancellationToken)
    {
        var home = await CreateInstanceAsync(verbs, name, cancellationToken);
        await verbs.RunAsync(["configure", "--home", home, "--port", FreeLoopbackPort().ToString(CultureInfo.InvariantCulture), "--listen-address", "127.0.0.1"], cancellationToken);
        await verbs.RunAsync([.. Registration(home, name, server, apiKey, pool), "--comms-style", "TentaclePassive", "--public-hostname", "127.0.0.1"], cancellationToken);
        return new LoopbackTentacle(name, verbs.StartAgent(home), progress);
    }

    /// <summary>A polling tentacle (TentacleActive): it listens nowhere and holds its polls open on the server's polling endpoint.</summary>
    public static async Task<LoopbackTentacle> StartPollingAsync(
        TentacleVerbs verbs, string name, ServerEndpoints server, string apiKey, string pool, TextWriter progress, CancellationToken cancellationToken)
    {
        var home = await CreateInstanceAsync(verbs, name, cancellationToken);
        await verbs.RunAsync([.. Registration(home, name, server, apiKey, pool), "--comms-style", "TentacleActive"], cancellationToken);
        return new LoopbackTentacle(name, verbs.StartAgent(home), progress);
    }

    /// <summary>The agent's command, whether it still runs, and its last output: for a message when a step on it fails.</summary>
    public string Describe() =>
        $"`{_process.CommandLine}` {(_process.HasExited ? "has exited" : "is running")}; its last output:\n{_process.Output}";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_process.HasExited)
            {
                _progress.WriteLine($"warning: tentacle {Name} had already exited. {Describe()}");
                return;
            }

            PosixSignals.Terminate(_process.Id);
            var exitCode = await _process.WaitForExitAsync(Timeouts.Shutdown, CancellationToken.None);
            if (exitCode != 0)
            {
                _progress.WriteLine($"warning: tentacle {Name} exited {exitCode} after SIGTERM. Its last output:\n{_process.Output}");
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static async Task<string> CreateInstanceAsync(TentacleVerbs verbs, string name, CancellationToken cancellationToken)
    {
        var home = verbs.HomeOf(name);
        await verbs.RunAsync(["create-instance", "--instance", name, "--home", home], cancellationToken);
        return home;
    }

    private static string[] Registration(string home, string name, ServerEndpoints server, string apiKey, string pool) =>
        ["register-worker", "--home", home, "--server", server.ApiAddress, "--api-key", apiKey, "--name", name, "--workerpool", pool];

    /// <summary>A port free on loopback just now; the tentacle binds it a moment later (a race only a busy machine could lose).</summary>
    private static int FreeLoopbackPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
