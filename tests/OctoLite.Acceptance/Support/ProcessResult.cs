using System.Text.Json;
using System.Text.Json.Nodes;

namespace OctoLite.Acceptance.Support;

/// <summary>What one finished run of the binary did; prints everything when an assertion fails.</summary>
internal sealed record ProcessResult(IReadOnlyList<string> Arguments, int ExitCode, string StdOut, string StdErr, TimeSpan Elapsed)
{
    public ProcessResult ShouldExit(int expected)
    {
        Assert.True(ExitCode == expected, $"expected exit code {expected}, got {ExitCode}\n{this}");
        return this;
    }

    public JsonNode Json()
    {
        try
        {
            return JsonNode.Parse(StdOut) ?? throw new JsonException("stdout is the JSON literal null");
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"stdout is not JSON: {e.Message}\n{this}");
        }
    }

    public override string ToString() =>
        $"$ octolite {string.Join(' ', Arguments.Select(Quote))}\n" +
        $"exit code {ExitCode} after {Elapsed.TotalMilliseconds:F0} ms\n" +
        $"--- stdout\n{StdOut}\n--- stderr\n{StdErr}";

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(char.IsWhiteSpace) ? argument : $"'{argument}'";
}
