using System.Text.Json.Nodes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Cli;

/// <summary>Sets up what task verbs need through the CLI itself: a project "Ops" and runbooks from process files.</summary>
internal sealed class TaskCli(RunningServer server)
{
    public const string Project = "Ops";

    public RunningServer Server { get; } = server;

    /// <summary>A folder beside the data dir for process files and downloads.</summary>
    public string Folder { get; } = Path.GetFullPath(Path.Combine(server.Paths.Directory, ".."));

    public Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) => Server.CliAsync(args);

    public async Task ProjectAsync()
    {
        var created = await RunAsync("project", "create", "--name", Project);
        Assert.True(created.ExitCode == 0, created.Error);
    }

    public async Task VariableAsync(string name, string value, bool sensitive = false)
    {
        var set = await RunAsync(["variable", "set", "--project", Project, "--name", name, "--value", value, .. sensitive ? new[] { "--sensitive" } : []]);
        Assert.True(set.ExitCode == 0, set.Error);
    }

    /// <summary>Creates a runbook of bash steps; returns its id.</summary>
    public async Task<string> RunbookAsync(string name, params JsonObject[] steps)
    {
        var file = Path.Combine(Folder, $"process-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, new JsonObject { ["steps"] = new JsonArray([.. steps]) }.ToJsonString());
        var created = await RunAsync("runbook", "create", "--project", Project, "--name", name, "--file", file, "-o", "json");
        Assert.True(created.ExitCode == 0, created.Error);
        return JsonNode.Parse(created.Out)!["Id"]!.GetValue<string>();
    }

    public static JsonObject Bash(string name, string script, string? timeout = null)
    {
        var step = new JsonObject { ["name"] = name, ["syntax"] = "Bash", ["script"] = script };
        if (timeout is not null)
        {
            step["timeout"] = timeout;
        }

        return step;
    }

    /// <summary><c>runbook run NAME --project Ops</c> without waiting; returns the queued task's id.</summary>
    public async Task<string> QueueAsync(string runbook)
    {
        var run = await RunAsync("runbook", "run", runbook, "--project", Project, "-o", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonNode.Parse(run.Out)!["Id"]!.GetValue<string>();
    }

    public async Task<JsonNode> TaskAsync(string id)
    {
        var shown = await RunAsync("task", "show", id, "-o", "json");
        Assert.True(shown.ExitCode == 0, shown.Error);
        return JsonNode.Parse(shown.Out)!;
    }

    public async Task WaitForStateAsync(string id, string state, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while ((await TaskAsync(id))["State"]!.GetValue<string>() != state)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{id} never reached {state}: {(await TaskAsync(id)).ToJsonString()}");
            await Task.Delay(50);
        }
    }
}
