using System.Text.Json.Nodes;
using OctoLite.Cli;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Cli;

/// <summary><c>task artifact list|get</c>: files a real bash step collected, downloaded byte for byte.</summary>
public sealed class TaskArtifactCliTests
{
    [Fact]
    public async Task ListAndGet_RoundTripTheExactBytes_RefusingToOverwriteWithoutForce()
    {
        await using var server = await RunningServer.StartAsync();
        var cli = new TaskCli(server);
        var original = new byte[300_000];
        new Random(42).NextBytes(original);
        var input = Path.Combine(cli.Folder, "input.bin");
        await File.WriteAllBytesAsync(input, original);
        await cli.ProjectAsync();
        await cli.RunbookAsync("Report", TaskCli.Bash("Make", $"""
            cp '{input}' data.bin
            new_octopusartifact "$PWD/data.bin" "report.bin"
            echo "plain text" > notes.txt
            new_octopusartifact notes.txt
            """));
        var run = await cli.RunAsync("runbook", "run", "Report", "--project", "Ops", "--wait");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);

        var table = await cli.RunAsync("task", "artifact", "list", "1");
        var json = await cli.RunAsync("task", "artifact", "list", "ServerTasks-1", "-o", "json");
        var target = Path.Combine(cli.Folder, "out.bin");
        var got = await cli.RunAsync("task", "artifact", "get", "1", "report.bin", "--to", target);
        var refused = await cli.RunAsync("task", "artifact", "get", "1", "notes.txt", "--to", target);
        var bytesAfterRefusal = await File.ReadAllBytesAsync(target);
        var notesId = JsonNode.Parse(json.Out)!.AsArray().Single(a => a!["Filename"]!.GetValue<string>() == "notes.txt")!["Id"]!.GetValue<string>();
        var forced = await cli.RunAsync("task", "artifact", "get", "1", notesId, "--to", target, "--force", "-o", "json");
        var intoFolder = await cli.RunAsync("task", "artifact", "get", "1", "REPORT.BIN", "--to", cli.Folder);
        var show = await cli.RunAsync("task", "show", "1");

        Assert.Equal(0, table.ExitCode);
        Assert.Matches(@"Artifacts-\d+\s+report\.bin\s+293\.0 KiB\s+Make", table.Out);
        Assert.Equal(["report.bin", "notes.txt"], JsonNode.Parse(json.Out)!.AsArray().Select(a => a!["Filename"]!.GetValue<string>()));
        Assert.Equal(0, got.ExitCode);
        Assert.Equal($"Saved report.bin (300000 bytes) to {target}", got.Out.Trim());
        Assert.Equal(original, bytesAfterRefusal);
        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains("--force", refused.Error);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(target, JsonNode.Parse(forced.Out)!["Path"]!.GetValue<string>());
        Assert.Equal("plain text\n", await File.ReadAllTextAsync(target));
        Assert.Equal(0, intoFolder.ExitCode);
        Assert.Equal(original, await File.ReadAllBytesAsync(Path.Combine(cli.Folder, "report.bin")));
        Assert.Matches(@"report\.bin\s+Artifacts-\d+\s+293\.0 KiB\s+Make", show.Out);
        Assert.Empty(Directory.EnumerateFiles(cli.Folder, "*.part"));
    }

    [Fact]
    public async Task Get_UnknownArtifact_ExitsUsage_NamingItAndTheOnesThereAre()
    {
        await using var server = await RunningServer.StartAsync();
        var cli = new TaskCli(server);
        await cli.ProjectAsync();
        await cli.RunbookAsync("Report", TaskCli.Bash("Make", "echo x > a.txt; new_octopusartifact a.txt"));
        Assert.Equal(0, (await cli.RunAsync("runbook", "run", "Report", "--project", "Ops", "--wait")).ExitCode);
        var target = Path.Combine(cli.Folder, "never.txt");

        var (exitCode, _, error) = await cli.RunAsync("task", "artifact", "get", "1", "b.txt", "--to", target);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("'b.txt'", error);
        Assert.Contains("a.txt", error);
        Assert.False(File.Exists(target));
    }
}
