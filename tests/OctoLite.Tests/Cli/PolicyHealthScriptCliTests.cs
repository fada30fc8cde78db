using System.Text.Json.Nodes;
using OctoLite.Cli;
using OctoLite.Domain;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Cli;

/// <summary><c>policy show</c> and <c>policy create/update</c>'s health script options, against a real server.</summary>
public sealed class PolicyHealthScriptCliTests
{
    private const string Policy = "Default Machine Policy";

    [Fact]
    public async Task Show_PrintsTheDefaultScript_UpdateFromAFile_ReplacesIt_AndTheDefaultComesBack()
    {
        await using var server = await RunningServer.StartAsync();
        using var directory = new TempDirectory();
        var file = directory.Combine("health.sh");
        await File.WriteAllTextAsync(file, "echo custom check\nexit 0\n");

        var shown = await server.CliAsync("policy", "show", Policy);
        var updated = await server.CliAsync("policy", "update", Policy, "--health-check-script-file", file, "-o", "json");
        var shownAfter = await server.CliAsync("policy", "show", Policy);
        var restored = await server.CliAsync("policy", "update", Policy, "--default-health-check-script", "--health-check-syntax", "PowerShell", "-o", "json");

        Assert.True(shown.ExitCode == ExitCodes.Ok, shown.Error);
        Assert.Matches(@"Health check script:\s+the default Bash script \(below\)", shown.Out);
        Assert.Contains("Health check script (Bash):", shown.Out);
        Assert.Contains("  threshold_mb=$(get_octopusvariable \"Octopus.MachinePolicy.DiskSpaceWarningThresholdMb\")", shown.Out);
        Assert.True(updated.ExitCode == ExitCodes.Ok, updated.Error);
        Assert.Equal("echo custom check\nexit 0\n", JsonNode.Parse(updated.Out)!["HealthCheckScript"]!.GetValue<string>());
        Assert.Matches(@"Health check script:\s+Bash \(below\)", shownAfter.Out);
        Assert.Contains("Health check script (Bash):\n  echo custom check\n  exit 0\n", shownAfter.Out.ReplaceLineEndings("\n"));
        Assert.True(restored.ExitCode == ExitCodes.Ok, restored.Error);
        Assert.Equal(MachinePolicyHealthScripts.PowerShell, JsonNode.Parse(restored.Out)!["HealthCheckScript"]!.GetValue<string>());
        var events = (await server.GetJsonAsync("api/events?take=100"))["Items"]!.AsArray();
        Assert.Equal(2, events.Count(e => e!["Category"]!.GetValue<string>() == "Modified" && e["Message"]!.GetValue<string>() == $"Machine policy '{Policy}' modified"
            && e["Details"]!.GetValue<string>().Contains("HealthCheckScript:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Create_WithoutAScript_GetsTheDefault_AndWithAnEmptyOne_ChecksTheConnectionOnly()
    {
        await using var server = await RunningServer.StartAsync();

        var standard = await server.CliAsync("policy", "create", "--name", "Standard", "--health-check-syntax", "Python", "-o", "json");
        var reachOnly = await server.CliAsync("policy", "create", "--name", "Reach only", "--health-check-script", "");
        var shown = await server.CliAsync("policy", "show", "Reach only");

        Assert.True(standard.ExitCode == ExitCodes.Ok, standard.Error);
        Assert.Equal(MachinePolicyHealthScripts.Python, JsonNode.Parse(standard.Out)!["HealthCheckScript"]!.GetValue<string>());
        Assert.True(reachOnly.ExitCode == ExitCodes.Ok, reachOnly.Error);
        Assert.Matches(@"Health check script:\s+none: the connection is all that is checked", shown.Out);
        Assert.DoesNotContain("Health check script (", shown.Out);
    }

    [Fact]
    public async Task Update_WithAnUnfitScriptFile_OrTwoScriptOptions_IsAUsageError_AndChangesNothing()
    {
        await using var server = await RunningServer.StartAsync();
        using var directory = new TempDirectory();
        var empty = directory.Combine("empty.sh");
        await File.WriteAllTextAsync(empty, " \n");
        var script = directory.Combine("check.sh");
        await File.WriteAllTextAsync(script, "true\n");
        var before = await server.GetJsonAsync("api/events?take=100");

        var missing = await server.CliAsync("policy", "update", Policy, "--health-check-script-file", directory.Combine("nope.sh"));
        var blank = await server.CliAsync("policy", "update", Policy, "--health-check-script-file", empty);
        var both = await server.CliAsync("policy", "update", Policy, "--health-check-script-file", script, "--health-check-script", "true");
        var restoreToo = await server.CliAsync("policy", "update", Policy, "--health-check-script", "true", "--default-health-check-script");

        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
        Assert.Contains($"Cannot read the health script file {directory.Combine("nope.sh")}", missing.Error);
        Assert.Equal(ExitCodes.Usage, blank.ExitCode);
        Assert.Contains($"The health script file {empty} is empty. To check the connection only, give --health-check-script ''", blank.Error);
        Assert.Equal(ExitCodes.Usage, both.ExitCode);
        Assert.Contains("Give one of --health-check-script, --health-check-script-file and --default-health-check-script, not more.", both.Error);
        Assert.Equal(ExitCodes.Usage, restoreToo.ExitCode);
        var policy = await server.GetJsonAsync($"api/machinepolicies/{Uri.EscapeDataString(Policy)}");
        Assert.Equal(MachinePolicyHealthScripts.Shell, policy["HealthCheckScript"]!.GetValue<string>());
        Assert.Equal(before.ToJsonString(), (await server.GetJsonAsync("api/events?take=100")).ToJsonString());
    }
}
