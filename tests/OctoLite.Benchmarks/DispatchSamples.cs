namespace OctoLite.Benchmarks;

/// <summary>The timed runs of one dispatch path, gathered round by round and summed up at the end.</summary>
internal sealed class DispatchSamples
{
    private readonly List<double> _wallMs = [];
    private readonly List<FinishedTask> _tasks = [];

    public void Add(FinishedTask task, TimeSpan wall)
    {
        _tasks.Add(task);
        _wallMs.Add(wall.TotalMilliseconds);
    }

    /// <summary>The median so far, for progress lines.</summary>
    public double MedianMs => Median.Of(_wallMs);

    public DispatchPathResults Results() => new(
        Percentile.Of(_wallMs, 0.5),
        Percentile.Of(_wallMs, 0.9),
        Median.Of(_tasks.Select(t => t.Queued.TotalMilliseconds)),
        Median.Of(_tasks.Select(t => t.Executing.TotalMilliseconds)));
}
