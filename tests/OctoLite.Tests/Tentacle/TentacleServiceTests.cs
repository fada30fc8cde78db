using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OctoLite.Cli;
using OctoLite.Cli.Tentacle;
using OctoLite.Hosting;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Tentacle;

/// <summary>
/// <c>octolite tentacle service</c>, run in-process with the unit directory in a temp folder. Where systemd has to
/// be running, a fake systemctl (a shell script logging its arguments) stands in, so no test touches the host's
/// systemd; the tests of the no-systemd path run only where systemd is indeed not running.
/// </summary>
public sealed class TentacleServiceTests : IDisposable
{
    private const string UnitName = "octolite-tentacle-Web01.service";

    private readonly TempDirectory _temp = new();
    private readonly Dictionary<string, string> _environment = [];

    public TentacleServiceTests()
    {
        _environment["OCTOLITE_TENTACLE_CONFIG_DIR"] = _temp.Combine("config");
        _environment["XDG_DATA_HOME"] = _temp.Combine("data");
        _environment["HOME"] = _temp.Path;
        _environment["OCTOLITE_SERVER"] = "http://127.0.0.1:1";
        _environment[TentacleServiceCommand.UnitDirVariable] = Directory.CreateDirectory(_temp.Combine("units")).FullName;
        _environment[TentacleServiceCommand.ExecVariable] = Apphost;
    }

    /// <summary>The octolite apphost built beside the tests: a real binary that runs the verbs, as the service would.</summary>
    private static string Apphost => Path.Combine(AppContext.BaseDirectory, "octolite");

    private string UnitFile => Path.Combine(_temp.Combine("units"), UnitName);

    private string SystemctlLog => _temp.Combine("systemctl.log");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Install_WritesTheUnit_RunningTheAgentOfTheInstanceHome()
    {
        await CreateInstanceAsync();
        UseFakeSystemctl();

        var (exitCode, _, error) = await RunAsync("tentacle", "service", "--install", "--instance", "Web01");

        Assert.True(exitCode == 0, error);
        var unit = ParseUnit(await File.ReadAllTextAsync(UnitFile));
        Assert.Equal([Apphost, "tentacle", "run", "--home", Home], SplitExecStart(unit["Service.ExecStart"]));
        Assert.Contains("Web01", unit["Unit.Description"], StringComparison.Ordinal);
        Assert.Equal("network-online.target", unit["Unit.After"]);
        Assert.Equal("network-online.target", unit["Unit.Wants"]);
        Assert.Equal("always", unit["Service.Restart"]);
        Assert.True(int.Parse(unit["Service.RestartSec"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("mixed", unit["Service.KillMode"]);
        Assert.True(int.Parse(unit["Service.TimeoutStopSec"], System.Globalization.CultureInfo.InvariantCulture) > 20, "the agent waits up to 20 s for canceled scripts");
        Assert.Equal("65536", unit["Service.LimitNOFILE"]);
        Assert.Equal("multi-user.target", unit["Install.WantedBy"]);
        Assert.Equal(Environment.UserName == "root" ? null : Environment.UserName, unit.GetValueOrDefault("Service.User"));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            File.GetUnixFileMode(UnitFile));
        Assert.Equal(["daemon-reload", $"enable {UnitName}"], await SystemctlCallsAsync());
    }

    [Fact]
    public async Task Install_Twice_WritesTheSameUnit_AndLeavesNoTemporaryFile()
    {
        await CreateInstanceAsync();
        UseFakeSystemctl();
        Assert.Equal(0, (await RunAsync("tentacle", "service", "--install", "--instance", "Web01")).ExitCode);
        var first = await File.ReadAllBytesAsync(UnitFile);

        var (exitCode, _, error) = await RunAsync("tentacle", "service", "--install", "--instance", "web01");

        Assert.True(exitCode == 0, error);
        Assert.Equal(first, await File.ReadAllBytesAsync(UnitFile));
        Assert.Equal([UnitFile], Directory.GetFiles(_temp.Combine("units")));
        Assert.DoesNotContain("unit changed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallStart_AndStopStart_RunSystemctlInOctopusOrder()
    {
        await CreateInstanceAsync();
        UseFakeSystemctl();

        Assert.Equal(0, (await RunAsync("tentacle", "service", "--start", "--install", "--instance", "Web01")).ExitCode);
        Assert.Equal(0, (await RunAsync("tentacle", "service", "--start", "--stop", "--instance", "Web01")).ExitCode);

        Assert.Equal(["daemon-reload", $"enable {UnitName}", $"start {UnitName}", $"stop {UnitName}", $"start {UnitName}"], await SystemctlCallsAsync());
    }

    [Fact]
    public async Task Uninstall_StopsDisablesAndRemovesTheUnit()
    {
        await CreateInstanceAsync();
        UseFakeSystemctl();
        Assert.Equal(0, (await RunAsync("tentacle", "service", "--install", "--instance", "Web01")).ExitCode);

        var (exitCode, _, error) = await RunAsync("tentacle", "service", "--uninstall", "--instance", "Web01");

        Assert.True(exitCode == 0, error);
        Assert.False(File.Exists(UnitFile));
        Assert.Equal(["daemon-reload", $"enable {UnitName}", $"stop {UnitName}", $"disable {UnitName}", "daemon-reload"], await SystemctlCallsAsync());
    }

    [Fact]
    public async Task Uninstall_WhenNotInstalled_SucceedsAndSaysSo()
    {
        await CreateInstanceAsync();
        UseFakeSystemctl();

        var (exitCode, _, error) = await RunAsync("tentacle", "service", "--uninstall", "--instance", "Web01");

        Assert.Equal(0, exitCode);
        Assert.Contains($"{UnitName} is not installed", error, StringComparison.Ordinal);
        Assert.Empty(await SystemctlCallsAsync());
    }

    [Fact]
    public async Task Start_WhenSystemctlFails_ExitsFailed_WithSystemctlsStderr()
    {
        await CreateInstanceAsync();
        UseFakeSystemctl(failOn: "start");

        var (exitCode, _, error) = await RunAsync("tentacle", "service", "--install", "--start", "--instance", "Web01");

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains("start octolite-tentacle-Web01.service` failed with exit code 1", error, StringComparison.Ordinal);
        Assert.Contains("Job for octolite-tentacle-Web01.service failed", error, StringComparison.Ordinal);
        Assert.True(File.Exists(UnitFile), "the install before the failed start stands");
    }

    [Fact]
    public async Task NoAction_ExitsUsage_AndWritesNothing()
    {
        await CreateInstanceAsync();

        var (exitCode, _, error) = await RunAsync("tentacle", "service", "--instance", "Web01");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--install, --uninstall, --start and/or --stop", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Combine("units")));
    }

    [Fact]
    public async Task UninstallStart_WithoutInstall_ExitsUsage()
    {
        await CreateInstanceAsync();

        var (exitCode, _, error) = await RunAsync("tentacle", "service", "--uninstall", "--start", "--instance", "Web01");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("leaves nothing to start", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownInstance_ExitsUsage_AndWritesNothing()
    {
        await CreateInstanceAsync();
        UseFakeSystemctl();

        var (exitCode, _, error) = await RunAsync("tentacle", "service", "--install", "--instance", "Nope");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("no tentacle instance named 'Nope'", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Combine("units")));
        Assert.Empty(await SystemctlCallsAsync());
    }

    [Theory]
    [InlineData("relative/octolite")]
    [InlineData("/nonexistent/octolite")]
    public async Task Install_ExecOverrideNotAnAbsoluteExistingFile_ExitsUsage(string exec)
    {
        await CreateInstanceAsync();
        UseFakeSystemctl();
        _environment[TentacleServiceCommand.ExecVariable] = exec;

        var (exitCode, _, error) = await RunAsync("tentacle", "service", "--install", "--instance", "Web01");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("OCTOLITE_SERVICE_EXEC must be the absolute path", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Combine("units")));
    }

    [Fact]
    public async Task Start_WhenNotInstalled_ExitsUsage_SayingHowToInstall()
    {
        await CreateInstanceAsync();
        UseFakeSystemctl();

        var (exitCode, _, error) = await RunAsync("tentacle", "service", "--start", "--instance", "Web01");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--install --start --instance Web01", error, StringComparison.Ordinal);
        Assert.Empty(await SystemctlCallsAsync());
    }

    [WithoutSystemdFact]
    public async Task WithoutSystemd_InstallWritesTheUnit_WithANote_AndUninstallRemovesIt()
    {
        await CreateInstanceAsync();

        var (exitCode, _, error) = await RunAsync("tentacle", "service", "--install", "--instance", "Web01");
        Assert.True(exitCode == 0, error);
        Assert.True(File.Exists(UnitFile));
        Assert.Contains("systemd is not running", error, StringComparison.Ordinal);
        Assert.Contains("octolite tentacle run --instance Web01", error, StringComparison.Ordinal);

        (exitCode, _, error) = await RunAsync("tentacle", "service", "--uninstall", "--instance", "Web01");
        Assert.True(exitCode == 0, error);
        Assert.False(File.Exists(UnitFile));
    }

    [WithoutSystemdFact]
    public async Task WithoutSystemd_StartAndStop_FailClearly_AndChangeNothing()
    {
        await CreateInstanceAsync();

        string[][] cases = [["--start"], ["--stop"], ["--install", "--start"]];
        foreach (var args in cases)
        {
            var (exitCode, _, error) = await RunAsync(["tentacle", "service", .. args, "--instance", "Web01"]);

            Assert.Equal(ExitCodes.Failed, exitCode);
            Assert.Contains("systemd is not running on this machine", error, StringComparison.Ordinal);
            Assert.Contains("`octolite tentacle run --instance Web01`", error, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(_temp.Combine("units")));
        }
    }

    /// <summary>The ExecStart written for a home full of characters systemd treats specially runs the agent of that very home.</summary>
    [Fact]
    public async Task ExecStart_ParsedBackAsSystemdDoes_RunsTheAgentOfTheInstance()
    {
        var home = _temp.Combine("home with space $HOME %h \"quoted\" back\\slash");
        var port = FreePort();
        await CreateInstanceAsync("--home", home);
        Assert.Equal(0, (await RunAsync("tentacle", "configure", "--instance", "Web01", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--listen-address", "127.0.0.1")).ExitCode);
        UseFakeSystemctl();
        Assert.Equal(0, (await RunAsync("tentacle", "service", "--install", "--home", home)).ExitCode);

        var argv = SplitExecStart(ParseUnit(await File.ReadAllTextAsync(UnitFile))["Service.ExecStart"]);
        Assert.Equal([Apphost, "tentacle", "run", "--home", home], argv);

        var startInfo = new ProcessStartInfo(argv[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in argv.Skip(1))
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var agent = Process.Start(startInfo)!;
        try
        {
            var stderr = agent.StandardError.ReadToEndAsync(TestTimeout.Token());
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!Listening(port))
            {
                if (agent.HasExited)
                {
                    Assert.Fail($"the agent exited: {await stderr}");
                }

                Assert.True(DateTime.UtcNow < deadline, "the agent never listened");
                await Task.Delay(50, TestTimeout.Token());
            }
        }
        finally
        {
            agent.Kill(entireProcessTree: true);
            await agent.WaitForExitAsync(TestTimeout.Token());
        }
    }

    /// <summary>systemd's own parser accepts the unit, with a binary and a home whose paths need quoting and escaping.</summary>
    [SystemdAnalyzeFact]
    public async Task Install_UnitPassesSystemdAnalyzeVerify()
    {
        var exec = Path.Combine(Directory.CreateDirectory(_temp.Combine("bin dir %i")).FullName, "octolite");
        File.Copy(Apphost, exec);
        _environment[TentacleServiceCommand.ExecVariable] = exec;
        await CreateInstanceAsync("--home", _temp.Combine("home with space $HOME %h"));
        UseFakeSystemctl();
        Assert.Equal(0, (await RunAsync("tentacle", "service", "--install", "--instance", "Web01")).ExitCode);

        var startInfo = new ProcessStartInfo(SystemdAnalyzeFactAttribute.Tool!) { RedirectStandardError = true, RedirectStandardOutput = true };
        startInfo.ArgumentList.Add("verify");
        startInfo.ArgumentList.Add(UnitFile);
        using var verify = Process.Start(startInfo)!;
        var stderr = verify.StandardError.ReadToEndAsync(TestTimeout.Token());
        var stdout = verify.StandardOutput.ReadToEndAsync(TestTimeout.Token());
        await verify.WaitForExitAsync(TestTimeout.Token());

        Assert.True(verify.ExitCode == 0, await stderr + await stdout);
        Assert.DoesNotContain(UnitName, await stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Web01", "octolite-tentacle-Web01.service")]
    [InlineData("a.b-c_d", "octolite-tentacle-a.b-c_d.service")]
    [InlineData("web 01", "octolite-tentacle-web\\x2001.service")]
    [InlineData("café", "octolite-tentacle-caf\\xc3\\xa9.service")]
    public void UnitName_EscapesWhatSystemdDoesNotAllow(string instance, string expected) =>
        Assert.Equal(expected, TentacleSystemdUnit.NameOf(instance));

    [Fact]
    public void Render_InstanceNameWithANewline_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new TentacleSystemdUnit("a\nb", "/srv/t", "/usr/bin/octolite", null).Render());

    private async Task CreateInstanceAsync(params string[] extra)
    {
        var (exitCode, _, error) = await RunAsync(["tentacle", "create-instance", "--instance", "Web01", .. extra]);
        Assert.True(exitCode == 0, error);
    }

    private string Home => Path.Combine(_temp.Combine("data"), "octolite-tentacle", "Web01");

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var environment = new EnvironmentVariables(name => _environment.GetValueOrDefault(name));
        var exitCode = await CliProgram.RunAsync(args, environment, output, error, TestTimeout.Token());
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A systemctl that logs its arguments, one call a line, and fails (as systemctl does) on <paramref name="failOn"/>.</summary>
    private void UseFakeSystemctl(string? failOn = null)
    {
        var script = _temp.Combine("systemctl");
        File.WriteAllText(script, $"""
            #!/bin/sh
            printf '%s\n' "$*" >> '{SystemctlLog}'
            if [ "$1" = '{failOn}' ]; then
              echo "Job for $2 failed because the control process exited with error code." >&2
              exit 1
            fi
            exit 0

            """);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _environment[TentacleServiceCommand.SystemctlVariable] = script;
    }

    private async Task<string[]> SystemctlCallsAsync() =>
        File.Exists(SystemctlLog) ? (await File.ReadAllLinesAsync(SystemctlLog)).Where(l => l.Length > 0).ToArray() : [];

    /// <summary>A unit file as "Section.Key" → value; a key given twice fails the test.</summary>
    private static Dictionary<string, string> ParseUnit(string text)
    {
        var values = new Dictionary<string, string>();
        var section = "";
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] is not ('#' or ';')))
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1];
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $"not a setting: {line}");
            Assert.True(values.TryAdd($"{section}.{line[..equals].Trim()}", line[(equals + 1)..].Trim()), $"set twice: {line}");
        }

        return values;
    }

    /// <summary>
    /// An ExecStart value split as systemd does (systemd.service, "Command lines"): words split at whitespace, double
    /// quotes grouping with C escapes, then "%%" → "%" in every word and "$$" → "$" in the arguments.
    /// </summary>
    private static string[] SplitExecStart(string value)
    {
        var words = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < value.Length && char.IsWhiteSpace(value[i]))
            {
                i++;
            }

            if (i == value.Length)
            {
                break;
            }

            var word = new StringBuilder();
            var quoted = false;
            for (; i < value.Length && (quoted || !char.IsWhiteSpace(value[i])); i++)
            {
                if (value[i] == '"')
                {
                    quoted = !quoted;
                }
                else if (value[i] == '\\')
                {
                    word.Append(value[++i]);
                }
                else
                {
                    word.Append(value[i]);
                }
            }

            Assert.False(quoted, $"unterminated quote in {value}");
            var unescaped = word.ToString().Replace("%%", "%", StringComparison.Ordinal);
            words.Add(words.Count == 0 ? unescaped : unescaped.Replace("$$", "$", StringComparison.Ordinal));
        }

        return [.. words];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Runs only where systemd is not the running init, as in a container: there start and stop must refuse.</summary>
    private sealed class WithoutSystemdFactAttribute : FactAttribute
    {
        public WithoutSystemdFactAttribute()
        {
            if (Directory.Exists("/run/systemd/system"))
            {
                Skip = "systemd runs on this machine (/run/systemd/system exists), so the no-systemd path cannot be seen here; the container CI runs it.";
            }
        }
    }

    /// <summary>Runs where systemd-analyze is installed (it parses units without a running systemd).</summary>
    private sealed class SystemdAnalyzeFactAttribute : FactAttribute
    {
        public SystemdAnalyzeFactAttribute()
        {
            if (Tool is null)
            {
                Skip = "systemd-analyze is not on PATH (apt-get install systemd); the unit is still checked by parsing it in the other tests.";
            }
        }

        public static string? Tool => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "systemd-analyze"))
            .FirstOrDefault(File.Exists);
    }
}
