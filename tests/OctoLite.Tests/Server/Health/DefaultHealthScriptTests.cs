using OctoLite.Domain;
using OctoLite.Tests.Workers;

namespace OctoLite.Tests.Server.Health;

/// <summary>
/// The machine policy's default health script, run by real health checks of a real listening tentacle: it checks free
/// disk on the worker against the policy's threshold, which reaches it as a variable; an empty script checks the
/// connection only.
/// </summary>
public sealed class DefaultHealthScriptTests
{
    private const string Worker = ListeningTentacle.WorkerName;

    [Fact]
    public async Task DefaultScript_IsHealthyAtOneMegabyte_AndWarnsOnceTheThresholdIsAbsurd_WithoutAnEdit()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var health = new HealthApi(fixture.Server);
        var policy = await fixture.Server.GetJsonAsync($"api/machinepolicies/{Uri.EscapeDataString(HealthApi.DefaultPolicy)}");
        Assert.Equal(MachinePolicyHealthScripts.Shell, policy["HealthCheckScript"]!.GetValue<string>());
        await health.PolicyAsync("""{"DiskSpaceWarningThresholdMb":1}""");

        var healthy = await health.CheckWorkerAsync(Worker);

        var log = await fixture.Api.LogTextAsync(healthy["Id"]!.GetValue<string>());
        Assert.True(healthy["State"]!.GetValue<string>() == "Success", string.Join("\n", log));
        Assert.Contains("Running the machine policy's Bash health script", log);
        Assert.Contains(log, l => l.StartsWith("Free disk space: ", StringComparison.Ordinal) && l.Contains(" MB in /", StringComparison.Ordinal));
        var worker = await health.WorkerAsync(Worker);
        Assert.Equal("Healthy", HealthApi.Status(worker));
        Assert.StartsWith("Healthy: the health script succeeded", worker["StatusSummary"]!.GetValue<string>());

        await health.PolicyAsync("""{"DiskSpaceWarningThresholdMb":100000000}""");
        var warned = await health.CheckWorkerAsync(Worker);

        Assert.Equal("Success", warned["State"]!.GetValue<string>());
        worker = await health.WorkerAsync(Worker);
        Assert.Equal("HasWarnings", HealthApi.Status(worker));
        Assert.Contains("under the machine policy's warning threshold of 100000000 MB", worker["StatusSummary"]!.GetValue<string>());
        var script = (await fixture.Server.GetJsonAsync($"api/machinepolicies/{Uri.EscapeDataString(HealthApi.DefaultPolicy)}"))["HealthCheckScript"]!.GetValue<string>();
        Assert.Equal(MachinePolicyHealthScripts.Shell, script);
    }

    [Theory]
    [InlineData("Sh")]
    [InlineData("Python")]
    public async Task DefaultScript_FollowsASyntaxChange_AndWarnsUnderTheThreshold(string syntax)
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var health = new HealthApi(fixture.Server);
        await health.PolicyAsync($$"""{"HealthCheckScriptSyntax":"{{syntax}}","DiskSpaceWarningThresholdMb":100000000}""");
        var policy = await fixture.Server.GetJsonAsync($"api/machinepolicies/{Uri.EscapeDataString(HealthApi.DefaultPolicy)}");
        Assert.Equal(MachinePolicyHealthScripts.For(Enum.Parse<ScriptSyntax>(syntax)), policy["HealthCheckScript"]!.GetValue<string>());

        var task = await health.CheckWorkerAsync(Worker);

        var log = await fixture.Api.LogTextAsync(task["Id"]!.GetValue<string>());
        Assert.True(task["State"]!.GetValue<string>() == "Success", string.Join("\n", log));
        Assert.Contains($"Running the machine policy's {syntax} health script", log);
        var worker = await health.WorkerAsync(Worker);
        Assert.True(HealthApi.Status(worker) == "HasWarnings", string.Join("\n", log));
        Assert.Contains("under the machine policy's warning threshold of 100000000 MB", worker["StatusSummary"]!.GetValue<string>());
    }

    [Fact]
    public async Task EmptyScript_ChecksTheConnectionOnly_WhateverTheThreshold()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var health = new HealthApi(fixture.Server);
        await health.PolicyAsync("""{"HealthCheckScript":"","DiskSpaceWarningThresholdMb":100000000}""");

        var task = await health.CheckWorkerAsync(Worker);

        var log = await fixture.Api.LogTextAsync(task["Id"]!.GetValue<string>());
        Assert.True(task["State"]!.GetValue<string>() == "Success", string.Join("\n", log));
        Assert.Contains("The machine policy's health script is empty: the connection is all that is checked.", log);
        Assert.DoesNotContain(log, l => l.StartsWith("Free disk space", StringComparison.Ordinal));
        var worker = await health.WorkerAsync(Worker);
        Assert.Equal("Healthy", HealthApi.Status(worker));
        Assert.StartsWith("Connected to tentacle", worker["StatusSummary"]!.GetValue<string>());
    }
}
