using OctoLite.Domain;
using OctoLite.Scripting.Bootstrap;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Scripting.Bootstrap;

public sealed class ScriptBootstrapperTests
{
    // Test methods are public and ScriptSyntax is internal, so theories name the syntax.
    public static TheoryData<string> PortableSyntaxes => [nameof(ScriptSyntax.Bash), nameof(ScriptSyntax.Sh), nameof(ScriptSyntax.Python)];

    [Theory]
    [MemberData(nameof(PortableSyntaxes))]
    public async Task Helpers_PrintOctopusServiceMessages_AndReadEveryVariableExactly(string syntaxName)
    {
        var syntax = Enum.Parse<ScriptSyntax>(syntaxName);
        using var temp = new TempDirectory();

        var (exitCode, output) = await BootstrapRun.RunAsync(syntax, temp.Path, HelperScripts.For(syntax), HelperScripts.Variables, TestTimeout.Token(60));

        BootstrapRun.AssertHelperOutput(syntax, temp.Path, exitCode, output);
    }

    [Theory]
    [InlineData(nameof(ScriptSyntax.Bash), "false\necho after $?", "after 1")]
    [InlineData(nameof(ScriptSyntax.Sh), "false\necho after $?", "after 1")]
    [InlineData(nameof(ScriptSyntax.Python), "import subprocess\nprint('after', subprocess.call(['false']))", "after 1")]
    public async Task Script_KeepsGoingAfterAFailedCommand_BecauseNothingAddsSetE(string syntaxName, string body, string expected)
    {
        var syntax = Enum.Parse<ScriptSyntax>(syntaxName);
        using var temp = new TempDirectory();

        var (exitCode, output) = await BootstrapRun.RunAsync(syntax, temp.Path, body, new Dictionary<string, string>(), TestTimeout.Token());

        Assert.Equal(0, exitCode);
        Assert.Equal([expected], output.StdOut);
    }

    [Theory]
    [InlineData(nameof(ScriptSyntax.Bash), "exit 7")]
    [InlineData(nameof(ScriptSyntax.Sh), "exit 7")]
    [InlineData(nameof(ScriptSyntax.Python), "import sys\nsys.exit(7)")]
    public async Task Script_ExitCode_IsTheSteps(string syntaxName, string body)
    {
        var syntax = Enum.Parse<ScriptSyntax>(syntaxName);
        using var temp = new TempDirectory();

        var (exitCode, _) = await BootstrapRun.RunAsync(syntax, temp.Path, body, new Dictionary<string, string>(), TestTimeout.Token());

        Assert.Equal(7, exitCode);
    }

    [Theory]
    [InlineData(nameof(ScriptSyntax.Bash), "fail_step\necho never", 1)]
    [InlineData(nameof(ScriptSyntax.Sh), "fail_step ''\necho never", 1)]
    [InlineData(nameof(ScriptSyntax.Python), "failstep()\nprint('never')", 255)]
    public async Task FailStep_ExitsWithoutAResultMessage_WhenGivenNoMessage(string syntaxName, string body, int expectedExitCode)
    {
        var syntax = Enum.Parse<ScriptSyntax>(syntaxName);
        using var temp = new TempDirectory();

        var (exitCode, output) = await BootstrapRun.RunAsync(syntax, temp.Path, body, new Dictionary<string, string>(), TestTimeout.Token());

        Assert.Equal(expectedExitCode, exitCode);
        Assert.Empty(output.StdOut);
    }

    [Fact]
    public async Task Helpers_Work_UnderSetEuoPipefail()
    {
        using var temp = new TempDirectory();
        const string strict = "set -euo pipefail\nx=$(get_octopusvariable Missing)\necho \"[$x] [$(get_octopusvariable A)]\"\nupdate_progress 10\nwrite_verbose\necho end";

        var (exitCode, output) = await BootstrapRun.RunAsync(ScriptSyntax.Bash, temp.Path, strict, new Dictionary<string, string> { ["A"] = "b" }, TestTimeout.Token());

        Assert.Equal(0, exitCode);
        Assert.Equal(
            ["[] [b]", $"##octopus[progress percentage='{EncodedText.B64("10")}' message='']", "##octopus[stdout-verbose]", "", "##octopus[stdout-default]", "end"],
            output.StdOut);
    }

    [Fact]
    public async Task NewOctopusArtifact_FailsTheBashStep_WhenTheFileDoesNotExist()
    {
        using var temp = new TempDirectory();

        var (exitCode, output) = await BootstrapRun.RunAsync(ScriptSyntax.Bash, temp.Path, "new_octopusartifact missing.txt\necho never", new Dictionary<string, string>(), TestTimeout.Token());

        Assert.Equal(1, exitCode);
        Assert.Empty(output.StdOut);
        Assert.Equal(["new_octopusartifact: \"missing.txt\" is not a file."], output.StdErr);
    }

    [Fact]
    public async Task Script_WithWindowsLineEndings_RunsInBash()
    {
        using var temp = new TempDirectory();

        var (exitCode, output) = await BootstrapRun.RunAsync(ScriptSyntax.Bash, temp.Path, "x=1\r\necho \"x=$x\"\r\n", new Dictionary<string, string>(), TestTimeout.Token());

        Assert.Equal(0, exitCode);
        Assert.Equal(["x=1"], output.StdOut);
    }

    [Theory]
    [InlineData(nameof(ScriptSyntax.Bash))]
    [InlineData(nameof(ScriptSyntax.Python))]
    [InlineData(nameof(ScriptSyntax.PowerShell))]
    public void Prepare_WritesOwnerOnlyFiles_InTheWorkingFolder(string syntaxName)
    {
        var syntax = Enum.Parse<ScriptSyntax>(syntaxName);
        using var temp = new TempDirectory();
        var result = new ScriptBootstrapper(searchPath: FakeInterpreters(temp)).Prepare(syntax, temp.Path, "body", HelperScripts.Variables);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(3, result.Files.Count);
        Assert.All(result.Files, file =>
        {
            Assert.Equal(temp.Path, Path.GetDirectoryName(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        });
        Assert.Equal(temp.Combine(".octolite-variables"), result.Files[0]);
        Assert.Contains(result.Files[1], result.Argv);
    }

    [Fact]
    public void Prepare_ReplacesAnExistingVariablesFile_AndStillMakesItOwnerOnly()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine(".octolite-variables"), "old");
        File.SetUnixFileMode(temp.Combine(".octolite-variables"), (UnixFileMode)0b110_110_110);

        var result = new ScriptBootstrapper().Prepare(ScriptSyntax.Sh, temp.Path, "true", new Dictionary<string, string> { ["A"] = "b" });

        Assert.True(result.Succeeded);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(temp.Combine(".octolite-variables")));
        Assert.Equal("QQ== Yg==\n", File.ReadAllText(temp.Combine(".octolite-variables")));
    }

    [Theory]
    [InlineData(nameof(ScriptSyntax.Python), "Python steps need python3 on the worker's PATH; it was not found.")]
    [InlineData(nameof(ScriptSyntax.PowerShell), "PowerShell steps need pwsh (PowerShell 7) on the worker's PATH; it was not found.")]
    public void Prepare_ReturnsAClearError_AndWritesNothing_WhenTheInterpreterIsMissing(string syntaxName, string message)
    {
        var syntax = Enum.Parse<ScriptSyntax>(syntaxName);
        using var temp = new TempDirectory();
        using var emptyBin = new TempDirectory();

        var result = new ScriptBootstrapper(searchPath: emptyBin.Path).Prepare(syntax, temp.Path, "print(1)", HelperScripts.Variables);

        Assert.False(result.Succeeded);
        Assert.Equal(message, result.Error);
        Assert.Empty(result.Argv);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Prepare_FindsBashInBin_WhateverThePath()
    {
        using var temp = new TempDirectory();

        var result = new ScriptBootstrapper(searchPath: "").Prepare(ScriptSyntax.Bash, temp.Path, "true", new Dictionary<string, string>());

        Assert.Equal("/bin/bash", result.Argv[0]);
    }

    [Fact]
    public void Prepare_Throws_WhenTheWorkingFolderDoesNotExist()
    {
        Assert.Throws<DirectoryNotFoundException>(
            () => new ScriptBootstrapper().Prepare(ScriptSyntax.Bash, "/no/such/octolite/folder", "true", new Dictionary<string, string>()));
    }

    // Empty executables named python3 and pwsh: enough for Prepare, which only looks them up.
    private static string FakeInterpreters(TempDirectory temp)
    {
        var bin = Directory.CreateDirectory(temp.Combine("bin")).FullName;
        foreach (var name in new[] { "python3", "pwsh" })
        {
            File.WriteAllText(Path.Combine(bin, name), "");
            File.SetUnixFileMode(Path.Combine(bin, name), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        return bin;
    }
}
