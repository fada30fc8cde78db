using System.Text.Json.Nodes;
using OctoLite.Cli;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Cli;

/// <summary>environment and target verbs against a real server.</summary>
public sealed class EnvironmentTargetCliTests
{
    [Fact]
    public async Task Environment_CreateListShowUpdateDelete_ByNameOrId()
    {
        await using var server = await RunningServer.StartAsync();

        var production = await server.CliAsync("environment", "create", "--name", "Production", "--description", "live", "--sort-order", "5", "-o", "json");
        var test = await server.CliAsync("environment", "create", "--name", "Test");
        var listed = await server.CliAsync("environment", "list");
        var json = await server.CliAsync("environment", "list", "-o", "json");
        var shown = await server.CliAsync("environment", "show", "production");
        var updated = await server.CliAsync("environment", "update", "Environments-2", "--name", "QA", "--sort-order", "1", "-o", "json");
        var nothing = await server.CliAsync("environment", "update", "QA");
        var deleted = await server.CliAsync("environment", "delete", "QA");

        Assert.Equal(0, production.ExitCode);
        Assert.Equal("Environments-1", JsonNode.Parse(production.Out)!["Id"]!.GetValue<string>());
        Assert.Equal(0, test.ExitCode);
        Assert.Matches(@"Sort order:\s+6", test.Out);
        Assert.Matches(@"5\s+Environments-1\s+Production\s+live", listed.Out);
        Assert.Matches(@"6\s+Environments-2\s+Test", listed.Out);
        Assert.Equal(["Production", "Test"], JsonNode.Parse(json.Out)!.AsArray().Select(e => e!["Name"]!.GetValue<string>()));
        Assert.Matches(@"Targets:\s+\(none\)", shown.Out);
        Assert.Equal(1, JsonNode.Parse(updated.Out)!["SortOrder"]!.GetValue<int>());
        Assert.Equal(ExitCodes.Usage, nothing.ExitCode);
        Assert.Contains("Deleted environment 'QA' (Environments-2).", deleted.Out);
        Assert.Equal(["Production"], JsonNode.Parse((await server.CliAsync("environment", "list", "-o", "json")).Out)!.AsArray().Select(e => e!["Name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Target_CreateWithCommaAndRepeatedRoles_ListFiltered_ShowByNameAndId()
    {
        await using var server = await RunningServer.StartAsync();
        await server.CliAsync("environment", "create", "--name", "Test");
        await server.CliAsync("environment", "create", "--name", "Production");
        await server.CliAsync("target", "create", "--name", "other", "--roles", "db", "--environment", "Production");

        var created = await server.CliAsync("target", "create", "--name", "eu-west", "--kind", "cloudregion", "--roles", "web,api", "--roles", "Db",
            "--environment", "Test", "--environment", "Environments-2", "--worker-pool", "Default Worker Pool", "-o", "json");
        var table = await server.CliAsync("target", "list", "--environment", "test");
        var byRole = await server.CliAsync("target", "list", "--role", "DB", "-o", "json");
        var shown = await server.CliAsync("target", "show", "EU-WEST");
        var byId = await server.CliAsync("target", "show", "Machines-2", "-o", "json");
        var environmentShown = await server.CliAsync("environment", "show", "Production");

        Assert.Equal(0, created.ExitCode);
        var target = JsonNode.Parse(created.Out)!;
        Assert.Equal("Machines-2", target["Id"]!.GetValue<string>());
        Assert.Equal(["web", "api", "Db"], target["Roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["Environments-1", "Environments-2"], target["EnvironmentIds"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal("WorkerPools-1", target["DefaultWorkerPoolId"]!.GetValue<string>());
        Assert.Matches(@"Machines-2\s+eu-west\s+CloudRegion\s+web, api, Db\s+Test, Production\s+Unknown\s+yes", table.Out);
        Assert.DoesNotContain("other", table.Out);
        Assert.Equal(["eu-west", "other"], JsonNode.Parse(byRole.Out)!.AsArray().Select(t => t!["Name"]!.GetValue<string>()));
        Assert.Matches(@"Worker pool:\s+Default Worker Pool", shown.Out);
        Assert.Matches(@"Environments:\s+Test, Production", shown.Out);
        Assert.Matches(@"Last checked:\s+never", shown.Out);
        Assert.Equal("eu-west", JsonNode.Parse(byId.Out)!["Name"]!.GetValue<string>());
        Assert.Contains("eu-west (Machines-2), other (Machines-1)", environmentShown.Out);
    }

    [Fact]
    public async Task Target_UpdateDisableHealthEnableDelete()
    {
        await using var server = await RunningServer.StartAsync();
        await server.CliAsync("environment", "create", "--name", "Test");
        await server.CliAsync("environment", "create", "--name", "Production");
        await server.CliAsync("target", "create", "--name", "eu-west", "--roles", "web", "--environment", "Test", "--worker-pool", "Default Worker Pool");

        var updated = await server.CliAsync("target", "update", "eu-west", "--roles", "api", "--environment", "Production", "--worker-pool", "", "-o", "json");
        var nothing = await server.CliAsync("target", "update", "eu-west");
        var disabled = await server.CliAsync("target", "disable", "Machines-1");
        var skipped = await server.CliAsync("target", "health", "eu-west");
        var enabled = await server.CliAsync("target", "enable", "eu-west", "-o", "json");
        var healthy = await server.CliAsync("target", "health", "eu-west");
        var healthJson = await server.CliAsync("target", "health", "eu-west", "-o", "json");
        var deleted = await server.CliAsync("target", "delete", "eu-west");

        Assert.Equal(0, updated.ExitCode);
        var target = JsonNode.Parse(updated.Out)!;
        Assert.Equal(["api"], target["Roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["Environments-2"], target["EnvironmentIds"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal("", target["DefaultWorkerPoolId"]!.GetValue<string>());
        Assert.Equal(ExitCodes.Usage, nothing.ExitCode);
        Assert.Contains("Deployment target 'eu-west' (Machines-1) is disabled.", disabled.Out);
        Assert.Equal(0, skipped.ExitCode);
        Assert.Contains("is disabled: its health was not checked", skipped.Out);
        Assert.Matches(@"Health:\s+Unknown", skipped.Out);
        Assert.False(JsonNode.Parse(enabled.Out)!["IsDisabled"]!.GetValue<bool>());
        Assert.Contains("Deployment target 'eu-west' is Healthy: Cloud Region targets have no endpoint; nothing to check.", healthy.Out);
        Assert.Matches(@"Last checked:\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", healthy.Out);
        Assert.True(JsonNode.Parse(healthJson.Out)!["Checked"]!.GetValue<bool>());
        Assert.Contains("Deleted deployment target 'eu-west' (Machines-1).", deleted.Out);
        Assert.Equal("[]", (await server.CliAsync("target", "list", "-o", "json")).Out.Trim());
    }

    [Theory]
    [InlineData(new[] { "--kind", "Ssh", "--roles", "web", "--environment", "Test" }, "--kind must be one of CloudRegion")]
    [InlineData(new[] { "--roles", "web", "--environment", "Staging" }, "field: EnvironmentIds")]
    [InlineData(new[] { "--roles", "web,", "--environment", "Test" }, "field: Roles")]
    [InlineData(new[] { "--roles", "web", "--environment", "Test", "--worker-pool", "Windows" }, "field: DefaultWorkerPoolId")]
    [InlineData(new[] { "--environment", "Test" }, "--roles")]
    [InlineData(new[] { "--roles", "web" }, "--environment")]
    public async Task TargetCreate_WithBadInput_ExitsUsage_AndCreatesNothing(string[] options, string expected)
    {
        await using var server = await RunningServer.StartAsync();
        await server.CliAsync("environment", "create", "--name", "Test");

        var (exitCode, output, error) = await server.CliAsync(["target", "create", "--name", "t", .. options]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal("", output);
        Assert.Contains(expected, error);
        Assert.Equal("[]", (await server.CliAsync("target", "list", "-o", "json")).Out.Trim());
    }

    [Fact]
    public async Task EnvironmentDelete_WhileATargetIsInIt_ExitsUsage_NamingTheTarget()
    {
        await using var server = await RunningServer.StartAsync();
        await server.CliAsync("environment", "create", "--name", "Test");
        await server.CliAsync("target", "create", "--name", "eu-west", "--roles", "web", "--environment", "Test");

        var (exitCode, _, error) = await server.CliAsync("environment", "delete", "Test");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("eu-west", error);
        Assert.Contains("Test", (await server.CliAsync("environment", "list")).Out);
    }
}
