using OctoLite.Scripting.Processes;

namespace OctoLite.Tests.Scripting.Processes;

/// <summary>A sink for <see cref="ScriptProcess"/> that keeps every line, safe to read while the script runs.</summary>
internal sealed class OutputRecorder
{
    private readonly List<OutputLine> lines = [];

    public void Record(OutputLine line)
    {
        lock (lines)
            lines.Add(line);
    }

    public IReadOnlyList<OutputLine> All
    {
        get
        {
            lock (lines)
                return [.. lines];
        }
    }

    public IReadOnlyList<string> Of(OutputStream stream) => All.Where(l => l.Stream == stream).Select(l => l.Text).ToList();

    public IReadOnlyList<string> StdOut => Of(OutputStream.StdOut);

    public IReadOnlyList<string> StdErr => Of(OutputStream.StdErr);

    /// <summary>Polls until a line satisfies <paramref name="match"/>.</summary>
    public async Task WaitForAsync(Func<OutputLine, bool> match, CancellationToken cancellationToken)
    {
        while (!All.Any(match))
            await Task.Delay(20, cancellationToken);
    }
}
