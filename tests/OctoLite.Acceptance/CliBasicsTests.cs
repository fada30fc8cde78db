using OctoLite.Acceptance.Support;

namespace OctoLite.Acceptance;

public sealed class CliBasicsTests
{
    private static readonly string[] Nouns = ["server", "pool", "worker", "policy", "config", "apikey", "audit"];

    [BinaryFact]
    public async Task Version_PrintsAVersion_AndExitsZero()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var result = (await OctoLiteProcess.RunAsync(["--version"], deadline.Token)).ShouldExit(0);

        Assert.Matches(@"^\d+\.\d+\.\d+", result.StdOut.Trim());
    }

    [BinaryFact]
    public async Task Help_ListsEveryNoun_AndExitsZero()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var result = (await OctoLiteProcess.RunAsync(["--help"], deadline.Token)).ShouldExit(0);

        foreach (var noun in Nouns)
            Assert.True(result.StdOut.Contains($"\n  {noun} ", StringComparison.Ordinal), $"--help does not list '{noun}'\n{result}");
        foreach (var option in new[] { "--data-dir", "--output", "--server", "--api-key" })
            Assert.True(result.StdOut.Contains(option, StringComparison.Ordinal), $"--help does not list '{option}'\n{result}");
    }

    [BinaryFact]
    public async Task UnknownVerb_ExitsTwo_NamingIt()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var dir = new TempDirectory();

        var unknownNoun = (await OctoLiteProcess.RunAsync(["frobnicate", "--data-dir", dir.Path], deadline.Token)).ShouldExit(2);
        var unknownVerb = (await OctoLiteProcess.RunAsync(["pool", "frobnicate", "--data-dir", dir.Path], deadline.Token)).ShouldExit(2);

        Assert.Contains("frobnicate", unknownNoun.StdErr);
        Assert.Contains("frobnicate", unknownVerb.StdErr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [BinaryFact]
    public async Task NoVerb_WithRedirectedStdio_PrintsHelp_AndExitsZero()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var dir = new TempDirectory();
        // Not a terminal: no TUI, no prompt, no in-process server. Point every default location into
        // the temp folder so that a regression cannot touch the real home.
        var environment = new Dictionary<string, string?>
        {
            ["OCTOLITE_DATA_DIR"] = dir.Path,
            ["HOME"] = dir.Path,
            ["XDG_DATA_HOME"] = dir.Path,
        };

        var result = (await OctoLiteProcess.RunAsync([], deadline.Token, TimeSpan.FromSeconds(15), environment: environment)).ShouldExit(0);

        Assert.Contains("Usage:", result.StdOut);
        foreach (var noun in Nouns)
            Assert.Contains($"\n  {noun} ", result.StdOut);
        var info = await OctoLiteCli.ForDataDir(dir.Path, deadline.Token).RunAsync("server", "info");
        Assert.True(info.ExitCode == 5, $"a server is answering on the data dir after a help-only run\n{info}");
    }
}
