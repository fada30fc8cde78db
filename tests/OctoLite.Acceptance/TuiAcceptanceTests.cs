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
}
