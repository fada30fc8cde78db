using System.Diagnostics;

namespace OctoLite.Acceptance.Support;

/// <summary>
/// A private tmux server (its own socket name) running one command in a 100x30 pane, so a test sees
/// exactly what an operator in an SSH session would: <see cref="CaptureAsync"/> reads the screen,
/// <see cref="SendKeysAsync"/> types. The command's exit code is written to a file when it ends,
/// and the pane stays open afterwards so the restored screen can be inspected.
/// </summary>
internal sealed class Tmux : IAsyncDisposable
{
    private readonly string _socket = $"octolite-test-{Guid.NewGuid():N}";
    private readonly string _exitFile;
    private readonly string _workDir;

    private Tmux(string exitFile, string workDir)
    {
        _exitFile = exitFile;
        _workDir = workDir;
    }

    public static bool IsInstalled => FindOnPath("tmux") is not null;

    public static bool Required =>
        Environment.GetEnvironmentVariable("CI") == "true" || OctoLiteBinary.Required;

    /// <summary>Starts <c>octolite ARGS</c> in a fresh pane; <paramref name="workDir"/> holds the wrapper script and exit file.</summary>
    public static async Task<Tmux> StartAsync(string workDir, IReadOnlyList<string> arguments, CancellationToken deadline)
    {
        if (!IsInstalled)
            throw new InvalidOperationException("tmux is required for the terminal UI tests but is not installed (apt-get install tmux).");

        var exitFile = Path.Combine(workDir, "tui.exit");
        var script = Path.Combine(workDir, "tui.sh");
        var quoted = string.Join(' ', new[] { OctoLiteBinary.Path }.Concat(arguments).Select(Quote));
        await File.WriteAllTextAsync(script,
            $"#!/bin/sh\nexport LANG=C.UTF-8\n{quoted}\necho $? > {Quote(exitFile)}\nexec sleep 60\n", deadline);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var tmux = new Tmux(exitFile, workDir);
        await tmux.RunAsync(deadline, "new-session", "-d", "-s", "t", "-x", "100", "-y", "30", script);
        return tmux;
    }

    public Task SendKeysAsync(CancellationToken deadline, params string[] keys) => RunAsync(deadline, ["send-keys", "-t", "t", .. keys]);

    /// <summary>Resizes the window, as an operator resizing the terminal of an SSH session would.</summary>
    public Task ResizeAsync(int width, int height, CancellationToken deadline) =>
        RunAsync(deadline, "resize-window", "-t", "t", "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task<string> CaptureAsync(CancellationToken deadline) => RunAsync(deadline, "capture-pane", "-p", "-t", "t");

    /// <summary>Polls the screen until it contains <paramref name="text"/>; fails with the last screen when it never does.</summary>
    public async Task<string> WaitForAsync(string text, CancellationToken deadline, TimeSpan? within = null)
    {
        var limit = Stopwatch.StartNew();
        var screen = "";
        while (limit.Elapsed < (within ?? TimeSpan.FromSeconds(20)))
        {
            screen = await CaptureAsync(deadline);
            if (screen.Contains(text, StringComparison.Ordinal))
                return screen;
            await Task.Delay(100, deadline);
        }

        throw new Xunit.Sdk.XunitException($"the screen never showed '{text}'; last screen:\n{screen}");
    }

    /// <summary>
    /// How many bytes the program writes to its terminal during <paramref name="window"/>: what an idle screen would
    /// send over an SSH link.
    /// </summary>
    public async Task<long> CountOutputAsync(TimeSpan window, CancellationToken deadline)
    {
        var file = Path.Combine(_workDir, $"pane-{Guid.NewGuid():N}.out");
        await File.WriteAllBytesAsync(file, [], deadline);
        await RunAsync(deadline, "pipe-pane", "-o", "-t", "t", $"cat >> {Quote(file)}");
        await Task.Delay(window, deadline);
        await RunAsync(deadline, "pipe-pane", "-t", "t");
        return new FileInfo(file).Length;
    }

    /// <summary>Waits for the command to end and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken deadline, TimeSpan? within = null)
    {
        var limit = Stopwatch.StartNew();
        while (limit.Elapsed < (within ?? TimeSpan.FromSeconds(20)))
        {
            if (File.Exists(_exitFile) && await File.ReadAllTextAsync(_exitFile, deadline) is { Length: > 0 } text)
                return int.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);
            await Task.Delay(100, deadline);
        }

        throw new Xunit.Sdk.XunitException($"the terminal UI did not exit; last screen:\n{await CaptureAsync(deadline)}");
    }

    public async ValueTask DisposeAsync()
    {
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await RunAsync(cleanup.Token, "kill-server");
        }
        catch (InvalidOperationException)
        {
            // The server already ended with its last session: nothing left to stop.
        }
    }

    private async Task<string> RunAsync(CancellationToken deadline, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("tmux")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-L");
        startInfo.ArgumentList.Add(_socket);
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        foreach (var name in startInfo.Environment.Keys.Where(k => k.StartsWith("OCTOLITE_", StringComparison.Ordinal) || k == "TMUX").ToList())
            startInfo.Environment.Remove(name);
        startInfo.Environment["TERM"] = "xterm-256color";

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync(deadline);
        var error = process.StandardError.ReadToEndAsync(deadline);
        await process.WaitForExitAsync(deadline);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        return await output;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
