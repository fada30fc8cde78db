using System.Text.Json.Nodes;
using OctoLite.Cli;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Cli;

/// <summary>project, variable and runbook verbs against a real server.</summary>
public sealed class ModelCliTests
{
    private const string Process = """
        {"steps":[
          {"name":"Hello","kind":"RunScript","syntax":"Bash","script":"echo hello\necho again","timeout":"00:10:00"},
          {"Name":"Py","Syntax":"Python","Script":"print(1)"}
        ]}
        """;

    [Fact]
    public async Task ProjectRunbook_CreateListShowDelete_Json()
    {
        await using var server = await RunningServer.StartAsync();
        var file = Path.Combine(server.Paths.Directory, "..", "process.json");
        await File.WriteAllTextAsync(file, Process);

        var project = await server.CliAsync("project", "create", "--name", "Shop", "--description", "web shop", "-o", "json");
        var runbook = await server.CliAsync("runbook", "create", "--project", "Shop", "--name", "Restart", "--file", file, "-o", "json");
        var listed = await server.CliAsync("runbook", "list", "--project", "shop", "-o", "json");
        var shown = await server.CliAsync("runbook", "show", "Restart", "--project", "Shop");
        var projects = await server.CliAsync("project", "list");
        var projectShown = await server.CliAsync("project", "show", "Shop");
        var deleted = await server.CliAsync("runbook", "delete", "Runbooks-1", "-o", "json");

        Assert.Equal(0, project.ExitCode);
        Assert.Equal("Projects-1", JsonNode.Parse(project.Out)!["Id"]!.GetValue<string>());
        Assert.Equal(0, runbook.ExitCode);
        var steps = JsonNode.Parse(runbook.Out)!["Process"]!["Steps"]!.AsArray();
        Assert.Equal(["Hello", "Py"], steps.Select(s => s!["Name"]!.GetValue<string>()));
        Assert.Equal("Runbooks-1", Assert.Single(JsonNode.Parse(listed.Out)!.AsArray())!["Id"]!.GetValue<string>());
        Assert.Equal(0, shown.ExitCode);
        Assert.Matches(@"1\s+Steps-1\s+Hello\s+RunScript\s+default pool\s+Success\s+00:10:00\s+Bash: echo hello \(\+1 line\)", shown.Out);
        Assert.Matches(@"2\s+Steps-2\s+Py\s+RunScript\s+default pool\s+Success\s+Python: print\(1\)", shown.Out);
        Assert.Contains("web shop", projects.Out);
        Assert.Contains("Restart (Runbooks-1)", projectShown.Out);
        Assert.Equal(0, deleted.ExitCode);
        Assert.Equal("[]", (await server.CliAsync("runbook", "list", "-o", "json")).Out.Trim());
    }

    [Theory]
    [InlineData("""{"steps":[{"name":"a","script":"x","colour":"red"}]}""", "Steps[0].colour")]
    [InlineData("""{"steps":[{"name":"a","script":"x","syntax":"Ruby"}]}""", "Bash, Sh, Python, PowerShell")]
    [InlineData("""{"steps":[{"name":"a","script":"x","timeout":"-00:00:05"}]}""", "Steps[0].Timeout must be positive")]
    [InlineData("""{"steps":[{"name":"a","script":""}]}""", "Steps[0].Script")]
    [InlineData("""{"steps":[""", "not valid JSON")]
    [InlineData("""[1]""", "must hold a JSON object")]
    public async Task RunbookCreate_WithBadProcessFile_ExitsUsage_NamingThePathInTheFile(string process, string expected)
    {
        await using var server = await RunningServer.StartAsync();
        var file = Path.Combine(server.Paths.Directory, "..", "bad.json");
        await File.WriteAllTextAsync(file, process);
        await server.CliAsync("project", "create", "--name", "Shop");

        var (exitCode, output, error) = await server.CliAsync("runbook", "create", "--project", "Shop", "--name", "R", "--file", file);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal("", output);
        Assert.Contains(expected, error);
        Assert.Contains("bad.json", error);
        Assert.DoesNotContain("Process.", error);
        Assert.Equal("[]", (await server.CliAsync("runbook", "list", "-o", "json")).Out.Trim());
    }

    [Fact]
    public async Task RunbookCreate_WithMissingFile_ExitsUsage()
    {
        await using var server = await RunningServer.StartAsync();
        await server.CliAsync("project", "create", "--name", "Shop");

        var (exitCode, _, error) = await server.CliAsync("runbook", "create", "--project", "Shop", "--name", "R", "--file", "/nonexistent/p.json");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("/nonexistent/p.json", error);
    }

    [Fact]
    public async Task RunbookUpdate_ReplacesProcess_AndByNameWithoutProject_ExitsUsage()
    {
        await using var server = await RunningServer.StartAsync();
        var file = Path.Combine(server.Paths.Directory, "..", "process.json");
        await File.WriteAllTextAsync(file, Process);
        await server.CliAsync("project", "create", "--name", "Shop");
        await server.CliAsync("runbook", "create", "--project", "Shop", "--name", "R", "--file", file);
        await File.WriteAllTextAsync(file, """{"steps":[{"name":"Only","script":"true"}]}""");

        var updated = await server.CliAsync("runbook", "update", "R", "--project", "Shop", "--file", file, "--description", "d", "-o", "json");
        var noProject = await server.CliAsync("runbook", "show", "R");
        var nothing = await server.CliAsync("runbook", "update", "Runbooks-1");

        Assert.Equal(0, updated.ExitCode);
        Assert.Equal("Only", Assert.Single(JsonNode.Parse(updated.Out)!["Process"]!["Steps"]!.AsArray())!["Name"]!.GetValue<string>());
        Assert.Equal(ExitCodes.Usage, noProject.ExitCode);
        Assert.Contains("project", noProject.Error);
        Assert.Equal(ExitCodes.Usage, nothing.ExitCode);
    }

    [Fact]
    public async Task Variables_SetListDelete_SensitiveShownAsStars()
    {
        await using var server = await RunningServer.StartAsync();
        await server.CliAsync("project", "create", "--name", "Shop");

        var plain = await server.CliAsync("variable", "set", "--project", "Shop", "--name", "Port", "--value", "8080");
        var secret = await server.CliAsync("variable", "set", "--project", "Shop", "--name", "Token", "--value", "s3cr3t-value", "--sensitive", "-o", "json");
        var table = await server.CliAsync("variable", "list", "--project", "Shop");
        var json = await server.CliAsync("variable", "list", "--project", "Shop", "-o", "json");
        var deleted = await server.CliAsync("variable", "delete", "--project", "Shop", "--name", "Port");
        var projectDeleted = await server.CliAsync("project", "delete", "Shop");

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(0, secret.ExitCode);
        Assert.True(JsonNode.Parse(secret.Out)!["IsSensitive"]!.GetValue<bool>());
        Assert.Matches(@"Port\s+8080", table.Out);
        Assert.Matches(@"Token\s+\*\s+\*{8}", table.Out);
        Assert.Null(JsonNode.Parse(json.Out)!.AsArray()[1]!["Value"]);
        Assert.DoesNotContain("s3cr3t-value", secret.Out + table.Out + json.Out);
        Assert.Equal(0, deleted.ExitCode);
        Assert.Equal(0, projectDeleted.ExitCode);
        Assert.Contains("with its runbooks and variables", projectDeleted.Out);
    }
}
