using OctoLite.Scripting.Processes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Scripting.Processes;

public sealed class ScriptProcessSpawnTests
{
    [Fact]
    public async Task Start_ReturnsWithTheProgramLeadingItsSessionAndGroup_WithoutAControllingTerminal()
    {
        await using var script = ScriptProcess.Start(new ScriptProcessStartInfo(["/bin/sleep", "30"], Path.GetTempPath()), _ => { });

        // Read at once: the group must exist before Start returns, not some time after.
        var entry = ProcTable.Read(script.ProcessId);
        Assert.NotNull(entry);
        Assert.Equal(script.ProcessId, entry.Sid);
        Assert.Equal(script.ProcessId, entry.Pgid);
        Assert.Equal(0, entry.TtyNr);
    }

    [Fact]
    public async Task Start_GivesTheScriptNoControllingTerminal_EvenWhenItAsksForOne()
    {
        var (exitCode, output) = await ScriptRun.BashAsync("if : </dev/tty; then echo has-tty; else echo no-tty; fi 2>/dev/null", TestTimeout.Token());

        Assert.Equal(0, exitCode);
        Assert.Equal(["no-tty"], output.StdOut);
    }

    [Fact]
    public async Task StandardInput_IsDevNull()
    {
        var (_, output) = await ScriptRun.BashAsync("readlink /proc/$$/fd/0", TestTimeout.Token());

        Assert.Equal(["/dev/null"], output.StdOut);
    }

    [Fact]
    public async Task Start_PassesOnlyTheStandardDescriptors_ToTheScript()
    {
        // ls, a child ('; true' keeps bash from exec-ing it), lists the shell's descriptors (a glob in the shell would see the one reading the folder).
        var (_, output) = await ScriptRun.BashAsync("ls /proc/$$/fd; true", TestTimeout.Token());

        Assert.Equal(["0", "1", "2"], output.StdOut);
    }

    [Theory]
    [InlineData("kill -KILL $$", 128 + 9)]
    [InlineData("kill -TERM $$", 128 + 15)]
    [InlineData("kill -USR1 $$", 128 + 10)]
    [InlineData("kill -SEGV $$", 128 + 11)]
    public async Task WaitForExitAsync_Returns128PlusTheSignal_WhenASignalEndedTheScript(string script, int expected)
    {
        var (exitCode, _) = await ScriptRun.BashAsync(script, TestTimeout.Token());

        Assert.Equal(expected, exitCode);
    }

    [Fact]
    public async Task WaitForExitAsync_LeavesNoZombie_WhenItReturns()
    {
        await using var script = ScriptProcess.Start(new ScriptProcessStartInfo(["/bin/bash", "-c", "exit 3"], Path.GetTempPath()), _ => { });

        Assert.Equal(3, await script.WaitForExitAsync(TestTimeout.Token()));

        // Reaped: /proc has no entry any more (or, if the pid was reused already, not a zombie).
        Assert.True(ProcTable.Read(script.ProcessId) is null or { State: not 'Z' }, "the script was left a zombie");
    }

    [Fact]
    public void Start_Throws_NamingTheProgram_WhenARelativeProgramDoesNotExist()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<ScriptProcessStartException>(
            () => ScriptProcess.Start(new ScriptProcessStartInfo(["./missing.sh"], temp.Path), _ => { }));

        Assert.Contains("./missing.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_Throws_NamingTheFolder_WhenTheWorkingFolderIsAFile()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("file"), "");

        var error = Assert.Throws<ScriptProcessStartException>(
            () => ScriptProcess.Start(new ScriptProcessStartInfo(["/bin/true"], temp.Combine("file")), _ => { }));

        Assert.Contains(temp.Combine("file"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_Throws_NamingTheProgram_WhenItIsNotExecutable()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("plain.sh"), "echo hi\n");

        var error = Assert.Throws<ScriptProcessStartException>(
            () => ScriptProcess.Start(new ScriptProcessStartInfo([temp.Combine("plain.sh")], temp.Path), _ => { }));

        Assert.Contains("plain.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RunsAnExecutableWithoutShebang_WithSh_AsExecvpDoes()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("noshebang"), "echo \"ran with $1\"\n");
        File.SetUnixFileMode(temp.Combine("noshebang"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var (exitCode, output) = await ScriptRun.RunAsync(new ScriptProcessStartInfo(["./noshebang", "an argument"], temp.Path), TestTimeout.Token());

        Assert.Equal(0, exitCode);
        Assert.Equal(["ran with an argument"], output.StdOut);
    }

    [Fact]
    public async Task Start_PassesArgumentsAndVariables_AsUtf8()
    {
        var startInfo = new ScriptProcessStartInfo(["/bin/bash", "-c", "printf '%s|%s\\n' \"$1\" \"$Octopus_Text\"", "bash", "é € 😀 \"q\""], Path.GetTempPath())
        {
            Environment = new Dictionary<string, string> { ["Octopus_Text"] = "naïve ✓" },
        };

        var (_, output) = await ScriptRun.RunAsync(startInfo, TestTimeout.Token());

        Assert.Equal(["é € 😀 \"q\"|naïve ✓"], output.StdOut);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(42 << 8, 42)]
    [InlineData(255 << 8, 255)]
    [InlineData(9, 137)]
    [InlineData(0x80 | 11, 139)] // core dumped
    public void Decode_TurnsAWaitStatusIntoAnExitCode(int status, int expected)
    {
        Assert.Equal(expected, ChildExit.Decode(status));
    }
}
