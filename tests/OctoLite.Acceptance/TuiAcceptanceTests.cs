using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using OctoLite.Acceptance.Support;

namespace OctoLite.Acceptance;

/// <summary>The published binary's terminal UI, driven in tmux as an operator in an SSH session would.</summary>
public sealed class TuiAcceptanceTests
{
    [TuiFact]
    public async Task BareOctolite_OnATerminal_StartsAServerAndTheTui_QuitsCleanlyOnQ()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var dir = new TempDirectory();
        var dataDir = Path.Combine(dir.Path, "data");
        await using var tmux = await Tmux.StartAsync(dir.Path, ["--data-dir", dataDir], deadline.Token);

        var screen = await tmux.WaitForAsync("task cap 5", deadline.Token);
        var info = await OctoLiteProcess.RunAsync(["server", "info", "--data-dir", dataDir], deadline.Token);
        await tmux.SendKeysAsync(deadline.Token, "q");
        var exitCode = await tmux.WaitForExitAsync(deadline.Token);
        var after = await tmux.CaptureAsync(deadline.Token);

        Assert.Contains("OctoLite", screen);
        Assert.Contains("Serving", screen);
        Assert.Equal(0, info.ExitCode);
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("task cap", after);
        Assert.False(File.Exists(Path.Combine(dataDir, "octolite.sock")), "the in-process server left its socket behind");
    }

    [TuiFact]
    public async Task TuiVerb_AttachesToARunningServer_HelpAndColonQ_LeaveTheServerRunning()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var dir = new TempDirectory();
        var dataDir = Path.Combine(dir.Path, "data");
        await using var server = await ServerFixture.StartAsync(dataDir, deadline.Token);
        await server.Cli.JsonAsync("pool", "create", "--name", "Second");
        await using var tmux = await Tmux.StartAsync(dir.Path, ["tui", "--data-dir", dataDir], deadline.Token);

        var screen = await tmux.WaitForAsync("2 pool(s)", deadline.Token);
        await tmux.SendKeysAsync(deadline.Token, "?");
        var help = await tmux.WaitForAsync("Quit", deadline.Token);
        await tmux.SendKeysAsync(deadline.Token, "Escape");
        // A terminal reads ESC followed at once by another key as Alt+key: pause as a person would.
        await Task.Delay(500, deadline.Token);
        await tmux.SendKeysAsync(deadline.Token, ":", "q", "Enter");
        var exitCode = await tmux.WaitForExitAsync(deadline.Token);

        Assert.Contains("Attached to", screen);
        Assert.Contains("Quit", help);
        Assert.Equal(0, exitCode);
        Assert.False(server.HasExited, $"quitting the TUI stopped the server\n{server.Log}");
    }

    [BinaryFact]
    public async Task TuiVerb_WithNoServer_ExitsFive()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var dir = new TempDirectory();

        var result = await OctoLiteProcess.RunAsync(["tui", "--data-dir", dir.Path], deadline.Token);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("octolite server run", result.StdErr);
    }

    /// <summary>
    /// An operator's round, in the published binary inside tmux, against a server with a listening tentacle: pools,
    /// the tentacle among a pool's workers, a new pool, a runbook run on the tentacle whose log is followed to the
    /// end, another run cancelled; then an idle screen that sends (almost) nothing over the link.
    /// </summary>
    [TuiFact]
    public async Task Operator_WalksPoolsAndWorkers_AddsAPool_RunsARunbookAndFollowsItsLog_CancelsAnother()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(240));
        using var dir = new TempDirectory();
        var dataDir = Path.Combine(dir.Path, "data");
        await using var server = await ServerFixture.StartAsync(dataDir, deadline.Token);
        var cli = server.Cli;
        var key = (await cli.JsonAsync("apikey", "create", "--name", "tentacle")).Str("ApiKey");
        await cli.JsonAsync("pool", "create", "--name", "Edge");
        await using var tentacle = new TentacleProcess(dir.Path, "edge", deadline.Token);
        await tentacle.CreateAsync();
        (await tentacle.VerbAsync("configure", "--port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--listen-address", "127.0.0.1")).ShouldExit(0);
        (await tentacle.VerbAsync("register-worker", "--server", server.TcpUrl, "--api-key", key, "--name", "edge-1", "--workerpool", "Edge",
            "--comms-style", "TentaclePassive", "--public-hostname", "127.0.0.1")).ShouldExit(0);
        tentacle.Start();
        await tentacle.WaitForLogAsync("listening on https://127.0.0.1:");
        await cli.JsonAsync("project", "create", "--name", "Shop");
        await CreateRunbookAsync(cli, dir, "Count", new JsonObject
        {
            ["name"] = "Count", ["workerPool"] = "Edge",
            ["script"] = "for i in $(seq 1 12); do echo \"count $i of 12\"; sleep 0.3; done",
        });
        await CreateRunbookAsync(cli, dir, "Nap", new JsonObject { ["name"] = "Nap", ["script"] = "echo napping now; sleep 300" });
        await using var tmux = await Tmux.StartAsync(dir.Path, ["tui", "--data-dir", dataDir], deadline.Token);
        await tmux.WaitForAsync("Dashboard", deadline.Token);

        // Pools, then the Edge pool's workers: the tentacle is there, listening.
        await tmux.SendKeysAsync(deadline.Token, ":pools", "Enter");
        await tmux.WaitForAsync("Edge", deadline.Token);
        await tmux.SendKeysAsync(deadline.Token, "Down", "Enter");
        var workers = await tmux.WaitForAsync("edge-1", deadline.Token);
        await Pause(deadline.Token);
        await tmux.SendKeysAsync(deadline.Token, "Escape");
        await Pause(deadline.Token);
        await tmux.WaitForAsync("Worker Pools", deadline.Token);

        // A new pool, from the dialog.
        await tmux.SendKeysAsync(deadline.Token, "n");
        await tmux.WaitForAsync("New worker pool", deadline.Token);
        await tmux.SendKeysAsync(deadline.Token, "Staging", "Enter");
        await tmux.WaitForAsync("Created worker pool Staging", deadline.Token);

        // Run Count: its task opens and its log follows to the last line.
        await tmux.SendKeysAsync(deadline.Token, ":projects", "Enter");
        await tmux.WaitForAsync("Nap", deadline.Token);
        await tmux.SendKeysAsync(deadline.Token, "r");
        await tmux.WaitForAsync("Run Count", deadline.Token);
        await tmux.SendKeysAsync(deadline.Token, "Enter");
        await tmux.WaitForAsync("count 3 of 12", deadline.Token);
        var followed = await tmux.WaitForAsync("count 12 of 12", deadline.Token, TimeSpan.FromSeconds(60));
        var done = await tmux.WaitForAsync("Success", deadline.Token, TimeSpan.FromSeconds(30));

        // Run Nap, then cancel it from its task screen.
        await Pause(deadline.Token);
        await tmux.SendKeysAsync(deadline.Token, "Escape");
        await Pause(deadline.Token);
        await tmux.WaitForAsync("Projects and runbooks", deadline.Token);
        await tmux.SendKeysAsync(deadline.Token, "Down", "r");
        await tmux.WaitForAsync("Run Nap", deadline.Token);
        await tmux.SendKeysAsync(deadline.Token, "Enter");
        await tmux.WaitForAsync("napping now", deadline.Token);
        await tmux.SendKeysAsync(deadline.Token, "c");
        await tmux.WaitForAsync("Yes", deadline.Token);
        await tmux.SendKeysAsync(deadline.Token, "y");
        var canceled = await tmux.WaitForAsync("The task ended Canceled", deadline.Token, TimeSpan.FromSeconds(30));
        var nap = await cli.JsonAsync("task", "show", "2");

        // Left alone (after one more refresh has settled), the screen sends next to nothing: no repaint without a
        // change, no terminal queries. A minute's turn of the uptime on the status line is the most it may redraw.
        await Task.Delay(TimeSpan.FromSeconds(2.5), deadline.Token);
        var idleBytes = await tmux.CountOutputAsync(TimeSpan.FromSeconds(5), deadline.Token);

        // Shrunk to 80x24 the layout follows: the frame's right edge moves to column 80 and the keys still show.
        await tmux.ResizeAsync(80, 24, deadline.Token);
        var small = await WaitForScreenAsync(tmux, s => s.Split('\n').Any(l => l.StartsWith('└') && l.TrimEnd().Length == 80), "a frame 80 columns wide", deadline.Token);
        await tmux.SendKeysAsync(deadline.Token, ":q", "Enter");
        var exitCode = await tmux.WaitForExitAsync(deadline.Token);

        Assert.Contains("Esc Back", small);
        Assert.Contains("Listening", workers);
        Assert.Contains("count 12 of 12", followed);
        Assert.Contains("count 12 of 12", done);
        Assert.Contains("Canceled", canceled);
        Assert.Equal("Canceled", nap.Str("State"));
        Assert.True(idleBytes < 300, $"the idle screen wrote {idleBytes} bytes in 5 s");
        Assert.Equal(0, exitCode);
        Assert.Contains((await cli.JsonAsync("pool", "list")).Items(), p => p.Str("Name") == "Staging");
    }

    private static async Task CreateRunbookAsync(OctoLiteCli cli, TempDirectory dir, string name, JsonObject step)
    {
        var file = dir.Combine($"{name}.json");
        await File.WriteAllTextAsync(file, new JsonObject { ["steps"] = new JsonArray(step) }.ToJsonString());
        await cli.JsonAsync("runbook", "create", "--project", "Shop", "--name", name, "--file", file);
    }

    private static async Task<string> WaitForScreenAsync(Tmux tmux, Func<string, bool> condition, string what, CancellationToken deadline)
    {
        var limit = System.Diagnostics.Stopwatch.StartNew();
        var screen = "";
        while (limit.Elapsed < TimeSpan.FromSeconds(20))
        {
            screen = await tmux.CaptureAsync(deadline);
            if (condition(screen))
                return screen;
            await Task.Delay(100, deadline);
        }

        throw new Xunit.Sdk.XunitException($"the screen never showed {what}; last screen:\n{screen}");
    }

    /// <summary>A terminal reads ESC followed at once by another key as Alt+key: pause around it as a person would.</summary>
    private static Task Pause(CancellationToken deadline) => Task.Delay(500, deadline);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
