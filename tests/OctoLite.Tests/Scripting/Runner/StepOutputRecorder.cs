using System.Text;
using OctoLite.Domain;
using OctoLite.Scripting.Runner;

namespace OctoLite.Tests.Scripting.Runner;

/// <summary>An <see cref="IStepOutput"/> that keeps everything it hears and notices calls that overlap.</summary>
internal sealed class StepOutputRecorder : IStepOutput
{
    private readonly List<(TaskLogLevel Level, string Text)> lines = [];
    private readonly List<(int Percentage, string Message)> progress = [];
    private readonly List<(string Name, string Value, bool IsSensitive)> variables = [];
    private int inside;
    private int utf8Lines;

    /// <summary>Called with each line's text as it arrives, e.g. to let a waiting script go on.</summary>
    public Action<string>? OnLine { get; init; }

    /// <summary>Set when the runner called the sink while another call was still in it.</summary>
    public bool SawConcurrentCalls { get; private set; }

    public IReadOnlyList<(TaskLogLevel Level, string Text)> Lines => Snapshot(lines);

    /// <summary>How many of <see cref="Lines"/> arrived as UTF-8 (<see cref="IStepOutput.LineUtf8"/>), not as strings.</summary>
    public int Utf8Lines => Volatile.Read(ref utf8Lines);

    public IReadOnlyList<(int Percentage, string Message)> ProgressReports => Snapshot(progress);

    public IReadOnlyList<(string Name, string Value, bool IsSensitive)> OutputVariables => Snapshot(variables);

    /// <summary>Every text that reached the sink except output variables' values: lines, progress messages.</summary>
    public IEnumerable<string> Texts => Lines.Select(l => l.Text).Concat(ProgressReports.Select(p => p.Message));

    public IReadOnlyList<string> At(TaskLogLevel level) => Lines.Where(l => l.Level == level).Select(l => l.Text).ToList();

    public void Line(TaskLogLevel level, string text)
    {
        Record(lines, (level, text));
        OnLine?.Invoke(text);
    }

    public void LineUtf8(TaskLogLevel level, ReadOnlySpan<byte> text)
    {
        Interlocked.Increment(ref utf8Lines);
        Line(level, Encoding.UTF8.GetString(text));
    }

    public void Progress(int percentage, string message) => Record(progress, (percentage, message));

    public void OutputVariable(string name, string value, bool isSensitive) => Record(variables, (name, value, isSensitive));

    /// <summary>Polls until a line has exactly <paramref name="text"/>.</summary>
    public async Task WaitForLineAsync(string text, CancellationToken cancellationToken)
    {
        while (!Lines.Any(l => l.Text == text))
            await Task.Delay(10, cancellationToken);
    }

    public string Dump() => string.Join('\n', Lines.Select(l => $"{l.Level}: {l.Text}"));

    private void Record<T>(List<T> list, T item)
    {
        if (Interlocked.Increment(ref inside) > 1)
            SawConcurrentCalls = true;
        Thread.SpinWait(20); // widen the window in which an overlapping call would be seen
        lock (list)
            list.Add(item);
        Interlocked.Decrement(ref inside);
    }

    private static List<T> Snapshot<T>(List<T> list)
    {
        lock (list)
            return [.. list];
    }
}
