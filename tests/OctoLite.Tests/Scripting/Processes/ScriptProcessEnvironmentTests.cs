using OctoLite.Scripting.Processes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Scripting.Processes;

public sealed class ScriptProcessEnvironmentTests
{
    [Fact]
    public async Task Environment_IsTheMinimalSetPlusTheCallers_WhenTheServerHasOtherVariables()
    {
        Environment.SetEnvironmentVariable("OCTOLITE_TEST_SECRET", "must-not-leak");
        try
        {
            var startInfo = new ScriptProcessStartInfo(["/usr/bin/env"], Path.GetTempPath())
            {
                Environment = new Dictionary<string, string> { ["Octopus_Step"] = "a value with spaces", ["LANG"] = "en_US.UTF-8" },
            };

            var (_, output) = await ScriptRun.RunAsync(startInfo, TestTimeout.Token());

            var variables = output.StdOut.Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            Assert.Equal(["HOME", "LANG", "LOGNAME", "Octopus_Step", "PATH", "SHELL", "TMPDIR", "USER"], variables.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("a value with spaces", variables["Octopus_Step"]);
            Assert.Equal("en_US.UTF-8", variables["LANG"]);
            Assert.Equal(Environment.GetEnvironmentVariable("PATH"), variables["PATH"]);
            Assert.Equal(Environment.UserName, variables["USER"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("OCTOLITE_TEST_SECRET", null);
        }
    }

    [Fact]
    public void Baseline_SetsLangToUtf8_AndAFallbackPath()
    {
        var baseline = ScriptEnvironment.Baseline();

        Assert.Equal("C.UTF-8", baseline["LANG"]);
        Assert.False(string.IsNullOrEmpty(baseline["PATH"]));
        Assert.False(string.IsNullOrEmpty(baseline["HOME"]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("A=B")]
    public void Compose_RejectsInvalidNames(string name)
    {
        Assert.Throws<ArgumentException>(() => ScriptEnvironment.Compose(new Dictionary<string, string> { [name] = "x" }));
    }
}
