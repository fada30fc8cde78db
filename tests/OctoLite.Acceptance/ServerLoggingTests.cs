using System.Text.Json;
using System.Text.Json.Nodes;
using OctoLite.Acceptance.Support;

namespace OctoLite.Acceptance;

public sealed class ServerLoggingTests
{
    [BinaryFact]
    public async Task JsonLogFormat_WritesOneJsonObjectPerLine_IncludingEachAuditedChange()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var dir = new TempDirectory();
        await using var server = await ServerFixture.StartAsync(dir.Path, deadline.Token, extraArguments: ["--log-format", "json"]);
        await server.Cli.JsonAsync("pool", "create", "--name", "Logged");

        await server.StopAsync();

        var lines = server.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var entries = lines.Select(line =>
        {
            try
            {
                return JsonNode.Parse(line)!;
            }
            catch (JsonException e)
            {
                throw new Xunit.Sdk.XunitException($"not a JSON log line: {line} ({e.Message})");
            }
        }).ToList();
        Assert.All(entries, e => Assert.NotNull(e["LogLevel"]));
        Assert.Contains(entries, e => e["Message"]!.GetValue<string>().Contains("Worker pool 'Logged' created", StringComparison.Ordinal));
        Assert.Contains(entries, e => e["Message"]!.GetValue<string>().Contains("stopping", StringComparison.Ordinal));
    }

    [BinaryFact]
    public async Task SigInt_StopsTheServerCleanly()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var dir = new TempDirectory();
        await using var server = await ServerFixture.StartAsync(dir.Path, deadline.Token);

        await server.StopAsync(PosixSignals.SigInt);

        Assert.False(File.Exists(Path.Combine(dir.Path, "server.pid")));
    }
}
