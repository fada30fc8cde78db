namespace OctoLite.Benchmarks;

/// <summary>The last lines a child process wrote, bounded so a chatty server costs nothing.</summary>
/// <remarks>Written from the process's output-pump threads, read from the harness: hence the lock.</remarks>
internal sealed class OutputTail(int capacity)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            if (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return string.Join('\n', _lines);
        }
    }
}
