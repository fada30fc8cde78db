using System.Text;
using System.Text.Json.Nodes;
using OctoLite.Acceptance.Support;

namespace OctoLite.Acceptance;

/// <summary>Projects, sensitive variables and runbooks written by the AOT binary survive a restart; the secret is never printed nor stored in plain text.</summary>
public sealed class ProjectModelTests
{
    private const string Secret = "acceptance-S3cret-d41e";

    [BinaryFact]
    public async Task ProjectVariablesAndRunbook_SurviveARestart_SecretNeverShown()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var dir = new TempDirectory();
        var dataDir = dir.Combine("data");
        var processFile = dir.Combine("process.json");
        await File.WriteAllTextAsync(processFile, """
            {"Steps":[
              {"name":"Greet","kind":"RunScript","syntax":"Bash","script":"echo hello #{Greeting}","timeout":"00:10:00"},
              {"NAME":"Report","syntax":"python","script":"print('done')"}
            ]}
            """);
        var printed = new StringBuilder();

        JsonNode runbookBefore;
        await using (var first = await ServerFixture.StartAsync(dataDir, deadline.Token))
        {
            var cli = first.Cli;
            var project = await cli.JsonAsync("project", "create", "--name", "Shop", "--description", "the web shop");
            var plain = await cli.JsonAsync("variable", "set", "--project", "Shop", "--name", "Greeting", "--value", "world");
            var secret = await cli.JsonAsync("variable", "set", "--project", "Shop", "--name", "DbPassword", "--value", Secret, "--sensitive");
            runbookBefore = await cli.JsonAsync("runbook", "create", "--project", "Shop", "--name", "Restart", "--file", processFile);
            printed.Append(project.ToJsonString()).Append(plain.ToJsonString()).Append(secret.ToJsonString()).Append(runbookBefore.ToJsonString());

            var bad = await cli.FailsAsync(2, "runbook", "create", "--project", "Shop", "--name", "Bad", "--file", await WriteAsync(dir, """{"steps":[{"name":"x","script":"y","colour":"red"}]}"""));
            Assert.Contains("Steps[0].colour", bad.StdErr);

            Assert.Equal("Projects-1", project.Str("Id"));
            Assert.True(secret.Bool("IsSensitive"));
            Assert.Null(secret["Value"]);
            Assert.Equal(["Greet", "Report"], runbookBefore.Field("Process").Field("Steps").Names());
            await first.StopAsync();
        }

        Assert.True(File.Exists(Path.Combine(dataDir, "master.key")));
        await using var second = await ServerFixture.StartAsync(dataDir, deadline.Token);
        var projects = await second.Cli.JsonAsync("project", "list");
        var variables = await second.Cli.JsonAsync("variable", "list", "--project", "Shop");
        var table = await second.Cli.RunAsync("variable", "list", "--project", "Shop");
        var runbook = await second.Cli.JsonAsync("runbook", "show", "Restart", "--project", "Shop");
        var shown = await second.Cli.RunAsync("runbook", "show", "Runbooks-1");
        var audit = await second.Cli.RunAsync("audit", "list", "-o", "json");
        printed.Append(projects.ToJsonString()).Append(variables.ToJsonString()).Append(table).Append(runbook.ToJsonString()).Append(shown).Append(audit);

        Assert.Equal(["Shop"], projects.Names());
        Assert.Equal(["DbPassword", "Greeting"], variables.Names());
        Assert.Null(variables.Items()[0]["Value"]);
        Assert.Equal("world", variables.Items()[1].Str("Value"));
        Assert.Contains("********", table.ShouldExit(0).StdOut);
        Assert.Equal(runbookBefore.ToJsonString(), runbook.ToJsonString());
        Assert.Contains("echo hello #{Greeting}", shown.ShouldExit(0).StdOut);
        Assert.DoesNotContain(Secret, printed.ToString());
        await second.StopAsync();
        foreach (var file in Directory.EnumerateFiles(dataDir))
            Assert.False(File.ReadAllText(file, Encoding.Latin1).Contains(Secret, StringComparison.Ordinal), $"{file} holds the secret in plain text");
    }

    private static async Task<string> WriteAsync(TempDirectory dir, string json)
    {
        var path = dir.Combine($"process-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        return path;
    }
}
