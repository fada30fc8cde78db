namespace OctoLite.Scripting.Processes;

/// <summary>
/// Timestamps for log lines, read from the system clock at most once per millisecond: a script printing a million
/// lines a second would otherwise spend a noticeable share of its time in clock reads, and stored times have
/// millisecond resolution anyway. Any other <see cref="TimeProvider"/> (tests' fake clocks) is read every time.
/// Not thread-safe: callers read it under their own lock.
/// </summary>
internal sealed class LineClock(TimeProvider time)
{
    private long _tick = -1;
    private DateTimeOffset _now;

    public DateTimeOffset Now
    {
        get
        {
            if (!ReferenceEquals(time, TimeProvider.System))
                return time.GetUtcNow();

            var tick = Environment.TickCount64;
            if (tick != _tick)
            {
                _now = time.GetUtcNow();
                _tick = tick;
            }

            return _now;
        }
    }
}
