using System.Text;
using ApprovalTests.Core;
using Xunit.Sdk;

namespace OctoLite.Tests.Snapshots;

/// <summary>
/// The only ApprovalTests reporter these tests use: it launches nothing (no diff tool, no clipboard, no file
/// opener), whatever the machine or the CI variables, and fails the test with a unified line diff plus the
/// command that accepts the received output.
/// </summary>
internal sealed class FailWithDiffReporter : IEnvironmentAwareReporter
{
    private const int MaxDiffLines = 300;

    public static FailWithDiffReporter Instance { get; } = new();

    public bool IsWorkingInThisEnvironment(string forFile) => true;

    public void Report(string approved, string received)
    {
        var exists = File.Exists(approved);
        var expected = exists ? File.ReadAllText(approved) : "";
        var actual = File.ReadAllText(received);

        var message = new StringBuilder()
            .AppendLine(exists
                ? $"Snapshot mismatch: {Path.GetFileName(approved)}"
                : $"No approved snapshot yet: {Path.GetFileName(approved)}")
            .AppendLine($"--- approved {approved}")
            .AppendLine($"+++ received {received}");
        var lines = LineDiff.Unified(Lines(expected), Lines(actual), context: 3);
        foreach (var line in lines.Take(MaxDiffLines))
        {
            message.AppendLine(line);
        }

        if (lines.Count > MaxDiffLines)
        {
            message.AppendLine($"... {lines.Count - MaxDiffLines} more diff lines; compare the two files.");
        }

        if (lines.Count == 0)
        {
            message.AppendLine("(the files differ only in line endings or a byte-order mark)");
        }

        message.AppendLine("If the received output is right, accept it with:")
            .Append($"  mv -f '{received}' '{approved}'");
        throw new SnapshotMismatchException(message.ToString());
    }

    private static string[] Lines(string text)
    {
        var normalized = text.ReplaceLineEndings("\n");
        if (normalized.Length == 0)
        {
            return [];
        }

        var lines = normalized.Split('\n');
        // A final newline ends the last line; it does not start an empty one.
        return normalized.EndsWith('\n') ? lines[..^1] : lines;
    }
}

/// <summary>Thrown on a snapshot mismatch; an xunit assertion failure so the runner shows just the message.</summary>
internal sealed class SnapshotMismatchException(string message) : XunitException(message);

/// <summary>A small LCS line diff in unified format (<c>@@ -a,b +c,d @@</c> hunks, <c>-</c>/<c>+</c>/space prefixes).</summary>
internal static class LineDiff
{
    public static IReadOnlyList<string> Unified(string[] before, string[] after, int context)
    {
        var edits = Edits(before, after);
        var output = new List<string>();
        var index = 0;
        while (index < edits.Count)
        {
            // Find the next change, then grow the hunk while changes are close enough to share context.
            var firstChange = edits.FindIndex(index, e => e.Kind != ' ');
            if (firstChange < 0)
            {
                break;
            }

            var start = Math.Max(index, firstChange - context);
            var end = firstChange;
            for (var i = firstChange; i < edits.Count; i++)
            {
                if (edits[i].Kind != ' ')
                {
                    end = i;
                }
                else if (i - end > 2 * context)
                {
                    break;
                }
            }

            var stop = Math.Min(edits.Count, end + context + 1);
            var hunk = edits.GetRange(start, stop - start);
            var beforeCount = hunk.Count(e => e.Kind != '+');
            var afterCount = hunk.Count(e => e.Kind != '-');
            // A side with no lines in the hunk is numbered by the line before it, as diff -u does.
            var beforeStart = beforeCount == 0 ? hunk[0].BeforeLine : hunk.First(e => e.Kind != '+').BeforeLine;
            var afterStart = afterCount == 0 ? hunk[0].AfterLine : hunk.First(e => e.Kind != '-').AfterLine;
            output.Add($"@@ -{beforeStart},{beforeCount} +{afterStart},{afterCount} @@");
            output.AddRange(hunk.Select(e => $"{e.Kind}{e.Text}"));
            index = stop;
        }

        return output;
    }

    private static List<Edit> Edits(string[] before, string[] after)
    {
        // lcs[i, j] = length of the longest common subsequence of before[i..] and after[j..].
        var lcs = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = before[i] == after[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<Edit>();
        int b = 0, a = 0;
        while (b < before.Length || a < after.Length)
        {
            if (b < before.Length && a < after.Length && before[b] == after[a])
            {
                edits.Add(new Edit(' ', before[b], ++b, ++a));
            }
            else if (b < before.Length && (a == after.Length || lcs[b + 1, a] >= lcs[b, a + 1]))
            {
                edits.Add(new Edit('-', before[b], ++b, a));
            }
            else
            {
                edits.Add(new Edit('+', after[a], b, ++a));
            }
        }

        return edits;
    }

    /// <summary>One line of the diff; BeforeLine/AfterLine count the lines of each side consumed so far (so a kept or removed line carries its own 1-based number).</summary>
    private readonly record struct Edit(char Kind, string Text, int BeforeLine, int AfterLine);
}
