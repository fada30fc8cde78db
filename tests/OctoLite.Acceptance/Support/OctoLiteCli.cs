using System.Text.Json.Nodes;

namespace OctoLite.Acceptance.Support;

/// <summary>
/// <c>octolite &lt;noun&gt; &lt;verb&gt;</c> aimed at one server: either a data dir (local socket) or
/// <c>--server URL --api-key KEY</c>, with every run bounded by the test's deadline.
/// </summary>
internal sealed class OctoLiteCli
{
    private readonly IReadOnlyList<string> _target;
    private readonly CancellationToken _deadline;
    private readonly string? _binary;

    private OctoLiteCli(IReadOnlyList<string> target, CancellationToken deadline, string? binary)
    {
        _target = target;
        _deadline = deadline;
        _binary = binary;
    }

    public static OctoLiteCli ForDataDir(string dataDir, CancellationToken deadline, string? binary = null) =>
        new(["--data-dir", dataDir], deadline, binary);

    public static OctoLiteCli ForRemote(string url, string? apiKey, CancellationToken deadline)
    {
        List<string> target = ["--server", url];
        if (apiKey is not null)
            target.AddRange(["--api-key", apiKey]);
        return new(target, deadline, null);
    }

    /// <summary>Runs the verb with the target options appended; global options are accepted anywhere.</summary>
    public Task<ProcessResult> RunAsync(params string[] arguments) =>
        OctoLiteProcess.RunAsync([.. arguments, .. _target], _deadline, binary: _binary);

    /// <summary>Runs the verb with <c>-o json</c>, expects exit code 0 and returns the parsed stdout.</summary>
    public async Task<JsonNode> JsonAsync(params string[] arguments) =>
        (await RunAsync([.. arguments, "-o", "json"])).ShouldExit(0).Json();

    /// <summary>Runs the verb with <c>-o json</c> and expects it to fail with <paramref name="exitCode"/>.</summary>
    public async Task<ProcessResult> FailsAsync(int exitCode, params string[] arguments) =>
        (await RunAsync([.. arguments, "-o", "json"])).ShouldExit(exitCode);
}
