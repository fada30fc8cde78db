using System.Diagnostics;
using System.Text;

namespace OctoLite.Acceptance.Support;

/// <summary>
/// A tentacle instance of the binary in a home of its own (and an instance list of its own, through
/// <c>OCTOLITE_TENTACLE_CONFIG_DIR</c>): its verbs run as child processes, and <see cref="Start"/> runs its agent
/// (<c>tentacle run</c>) until <see cref="StopAsync"/> sends SIGTERM.
/// </summary>
internal sealed class TentacleProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _environment;
    private readonly CancellationToken _deadline;
    private readonly StringBuilder _log = new();
    private Process? _agent;

    public TentacleProcess(string root, string name, CancellationToken deadline)
    {
        Home = Path.Combine(root, name);
        Name = name;
        _deadline = deadline;
        _environment = new Dictionary<string, string?> { ["OCTOLITE_TENTACLE_CONFIG_DIR"] = Path.Combine(root, name + "-instances") };
    }

    public string Home { get; }

    public string Name { get; }

    /// <summary>What the agent wrote so far (every run of it).</summary>
    public string Log
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    /// <summary>Runs <c>octolite tentacle VERB … --home HOME</c>.</summary>
    public Task<ProcessResult> VerbAsync(params string[] arguments) =>
        OctoLiteProcess.RunAsync(["tentacle", .. arguments, "--home", Home], _deadline, environment: _environment);

    /// <summary>Creates the instance, and returns its certificate's thumbprint.</summary>
    public async Task<string> CreateAsync()
    {
        (await VerbAsync("create-instance", "--instance", Name)).ShouldExit(0);
        return (await VerbAsync("show-thumbprint")).ShouldExit(0).StdOut.Trim();
    }

    public void Start()
    {
        var agent = new Process { StartInfo = OctoLiteProcess.StartInfo(["tentacle", "run", "--home", Home], environment: _environment) };
        agent.OutputDataReceived += (_, e) => Append(e.Data);
        agent.ErrorDataReceived += (_, e) => Append(e.Data);
        agent.Start();
        agent.StandardInput.Close();
        agent.BeginOutputReadLine();
        agent.BeginErrorReadLine();
        _agent = agent;
    }

    /// <summary>Waits until the agent's log holds <paramref name="text"/>.</summary>
    public async Task WaitForLogAsync(string text)
    {
        while (!Log.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(_agent is { HasExited: true }, $"tentacle {Name} exited early:\n{Log}");
            await Task.Delay(50, _deadline);
        }
    }

    /// <summary>SIGTERM, and a clean exit within 30 s (its scripts are canceled first).</summary>
    public async Task StopAsync()
    {
        if (_agent is not { } agent)
            return;
        _agent = null;
        PosixSignals.Terminate(agent.Id);
        using var timer = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await agent.WaitForExitAsync(timer.Token);
            Assert.True(agent.ExitCode == 0, $"tentacle {Name} exited {agent.ExitCode} after SIGTERM:\n{Log}");
        }
        catch (OperationCanceledException)
        {
            OctoLiteProcess.KillTree(agent);
            throw new Xunit.Sdk.XunitException($"tentacle {Name} did not exit within 30 s of SIGTERM:\n{Log}");
        }
        finally
        {
            agent.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_agent is { } agent)
        {
            try
            {
                await StopAsync();
            }
            finally
            {
                OctoLiteProcess.KillTree(agent);
            }
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
