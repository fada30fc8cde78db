using OctoLite.Scripting.Processes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Scripting.Processes;

public sealed class ScriptProcessOutputTests
{
    [Fact]
    public async Task Output_KeepsOrderWithinEachStream_WhenBothAreBusy()
    {
        var (exitCode, output) = await ScriptRun.BashAsync("for i in $(seq 1 2000); do echo out$i; echo err$i >&2; done", TestTimeout.Token());

        Assert.Equal(0, exitCode);
        Assert.Equal(Enumerable.Range(1, 2000).Select(i => $"out{i}"), output.StdOut);
        Assert.Equal(Enumerable.Range(1, 2000).Select(i => $"err{i}"), output.StdErr);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(255)]
    public async Task WaitForExitAsync_ReturnsTheExitCode_OfTheScript(int code)
    {
        var (exitCode, _) = await ScriptRun.BashAsync($"echo hi; exit {code}", TestTimeout.Token());

        Assert.Equal(code, exitCode);
    }

    [Fact]
    public async Task Output_IsDecodedWithReplacementCharacters_WhenBytesAreNotUtf8()
    {
        var (exitCode, output) = await ScriptRun.BashAsync(@"printf 'a\377\376b\n'; printf 'caf\303\251 \342\202\254\n'", TestTimeout.Token());

        Assert.Equal(0, exitCode);
        Assert.Equal(["a\uFFFD\uFFFDb", "café €"], output.StdOut);
    }

    [Fact]
    public async Task Output_DeliversEveryLine_OfTenMegabytes()
    {
        // 100,000 lines of 99 characters and a newline: 10,000,000 bytes.
        var (exitCode, output) = await ScriptRun.BashAsync("yes \"$(printf 'x%.0s' $(seq 1 99))\" | head -n 100000", TestTimeout.Token(60));

        Assert.Equal(0, exitCode);
        Assert.Equal(100_000, output.StdOut.Count);
        Assert.All(output.StdOut, line => Assert.Equal(99, line.Length));
    }

    [Fact]
    public async Task Output_IncludesTheLastLine_WhenItHasNoNewline()
    {
        var (_, output) = await ScriptRun.BashAsync(@"printf 'one\r\ntwo\n\nthree'; printf 'err' >&2", TestTimeout.Token());

        Assert.Equal(["one", "two", "", "three"], output.StdOut);
        Assert.Equal(["err"], output.StdErr);
    }

    [Fact]
    public async Task Output_SplitsALineLongerThanTheLimit_IntoPiecesOfAtMostTheLimit()
    {
        var (_, output) = await ScriptRun.BashAsync("head -c 200000 /dev/zero | tr '\\0' x; echo; echo after", TestTimeout.Token());

        var lines = output.StdOut;
        Assert.Equal([65536, 65536, 65536, 200000 - 3 * 65536, 5], lines.Select(l => l.Length));
        Assert.Equal(new string('x', 200000), string.Concat(lines.Take(4)));
    }

    [Fact]
    public async Task Output_CarriesTimestamps_FromTheGivenClock()
    {
        var before = DateTimeOffset.UtcNow;
        var (_, output) = await ScriptRun.BashAsync("echo a", TestTimeout.Token());

        Assert.InRange(Assert.Single(output.All).Timestamp, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task StandardInput_IsAtEndOfFile_FromTheStart()
    {
        var (exitCode, output) = await ScriptRun.BashAsync("cat; echo done", TestTimeout.Token());

        Assert.Equal(0, exitCode);
        Assert.Equal(["done"], output.StdOut);
    }

    [Fact]
    public async Task WaitForExitAsync_RethrowsTheSinksException_AfterTheScriptFinished()
    {
        var delivered = 0;
        await using var script = ScriptProcess.Start(
            new ScriptProcessStartInfo(["/bin/bash", "-c", "seq 1 200000"], Path.GetTempPath()),
            _ => throw new InvalidOperationException($"sink broke after {Interlocked.Increment(ref delivered)} line"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => script.WaitForExitAsync(TestTimeout.Token()));

        Assert.Equal("sink broke after 1 line", error.Message);
        Assert.Equal(1, delivered);
    }

    [Fact]
    public async Task WorkingDirectory_IsTheGivenFolder()
    {
        using var temp = new TempDirectory();

        var (_, output) = await ScriptRun.BashAsync("pwd", TestTimeout.Token(), temp.Path);

        Assert.Equal([temp.Path], output.StdOut);
    }

    [Fact]
    public async Task Start_RunsARelativeProgram_FromTheWorkingDirectory()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("run.sh"), "#!/bin/sh\necho \"ran $1\"\n");
        File.SetUnixFileMode(temp.Combine("run.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var (exitCode, output) = await ScriptRun.RunAsync(new ScriptProcessStartInfo(["./run.sh", "it's $HOME; `x`"], temp.Path), TestTimeout.Token());

        Assert.Equal(0, exitCode);
        Assert.Equal(["ran it's $HOME; `x`"], output.StdOut);
    }

    [Fact]
    public void Start_Throws_WhenTheProgramDoesNotExist()
    {
        var error = Assert.Throws<ScriptProcessStartException>(
            () => ScriptProcess.Start(new ScriptProcessStartInfo(["no-such-program-octolite"], Path.GetTempPath()), _ => { }));

        Assert.Contains("no-such-program-octolite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_Throws_WhenTheWorkingFolderDoesNotExist()
    {
        var error = Assert.Throws<ScriptProcessStartException>(
            () => ScriptProcess.Start(new ScriptProcessStartInfo(["/bin/true"], "/no/such/folder"), _ => { }));

        Assert.Contains("/no/such/folder", error.Message, StringComparison.Ordinal);
    }
}
