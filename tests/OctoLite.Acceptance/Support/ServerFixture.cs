using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace OctoLite.Acceptance.Support;

/// <summary>
/// <c>octolite server run</c> in the background on a test's data dir. Started means
/// <c>octolite server info</c> answers; disposed means stopped with SIGTERM, exit code 0 and the
/// socket file removed — a clean shutdown is part of every test that starts a server.
/// </summary>
internal sealed class ServerFixture : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    /// <summary>`server info` exits 5 while nothing answers on the data dir yet.</summary>
    private const int NotRunning = 5;

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private bool _stopped;

    private ServerFixture(Process process, string dataDir, OctoLiteCli cli)
    {
        _process = process;
        DataDir = dataDir;
        Cli = cli;
    }

    public string DataDir { get; }

    /// <summary>The CLI aimed at this server through its data dir (the local socket, no key).</summary>
    public OctoLiteCli Cli { get; }

    /// <summary>The server's <c>server info -o json</c> once it answered.</summary>
    public JsonNode Info { get; private set; } = new JsonObject();

    public int ProcessId => _process.Id;

    public string SocketPath => Info.Str("SocketPath");

    /// <summary>The REST API's TCP address, e.g. http://127.0.0.1:41234.</summary>
    public string TcpUrl =>
        Info.Strings("ListenAddresses").FirstOrDefault(address => address.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no TCP listen address in {Info.ToJsonString()}");

    /// <summary>Everything the server wrote to stdout and stderr so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    public bool HasExited => _process.HasExited;

    public static async Task<ServerFixture> StartAsync(
        string dataDir,
        CancellationToken deadline,
        string listen = "127.0.0.1:0",
        string? binary = null,
        string? workingDirectory = null,
        string[]? extraArguments = null)
    {
        // Many servers run at once: each opens its polling endpoint on a free port unless the test chooses one.
        string[] polling = extraArguments?.Contains("--polling-port") == true ? [] : ["--polling-port", "0"];
        var startInfo = OctoLiteProcess.StartInfo(["server", "run", "--data-dir", dataDir, "--listen", listen, .. polling, .. extraArguments ?? []], binary, workingDirectory);
        var process = new Process { StartInfo = startInfo };
        var server = new ServerFixture(process, dataDir, OctoLiteCli.ForDataDir(dataDir, deadline, binary));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilAnsweringAsync(deadline);
            return server;
        }
        catch
        {
            OctoLiteProcess.KillTree(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>SIGTERM (or another signal), then asserts a clean exit: code 0 within <see cref="StopTimeout"/> and no socket file left.</summary>
    public async Task StopAsync(int signal = PosixSignals.SigTerm)
    {
        if (_stopped)
            return;
        _stopped = true;
        var socketPath = SocketPath;
        PosixSignals.Send(_process.Id, signal);
        using var timer = new CancellationTokenSource(StopTimeout);
        try
        {
            await _process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            OctoLiteProcess.KillTree(_process);
            throw new Xunit.Sdk.XunitException($"the server did not exit within {StopTimeout.TotalSeconds:F0} s of SIGTERM\n{Log}");
        }

        Assert.True(_process.ExitCode == 0, $"the server exited with {_process.ExitCode} after SIGTERM\n{Log}");
        Assert.False(File.Exists(socketPath), $"the socket {socketPath} is still there after a clean stop\n{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_stopped && _process.HasExited)
                throw new Xunit.Sdk.XunitException($"the server died during the test with exit code {_process.ExitCode}\n{Log}");
            await StopAsync();
        }
        finally
        {
            OctoLiteProcess.KillTree(_process);
            _process.Dispose();
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken deadline)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new Xunit.Sdk.XunitException($"the server exited with {_process.ExitCode} before answering\n{Log}");
            var info = await Cli.RunAsync("server", "info", "-o", "json");
            if (info.ExitCode == 0)
            {
                Info = info.Json();
                Assert.True(Info.Int("ProcessId") == _process.Id, $"server info answered for another process\n{info}");
                return;
            }

            if (info.ExitCode != NotRunning)
                throw new Xunit.Sdk.XunitException($"server info failed unexpectedly while the server starts\n{info}\n--- server log\n{Log}");
            if (stopwatch.Elapsed > StartTimeout)
                throw new Xunit.Sdk.XunitException($"the server did not answer within {StartTimeout.TotalSeconds:F0} s\n{info}\n--- server log\n{Log}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.AppendLine(line);
    }
}
