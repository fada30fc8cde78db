using System.Globalization;

namespace OctoLite.Benchmarks;

/// <summary>
/// The 1-minute load average from /proc/loadavg. Taken at the start and end of a run and shown in the report,
/// because other work on the machine inflates every figure, and the task scenarios' most.
/// </summary>
internal static class LoadAverage
{
    public static double OneMinute()
    {
        var text = File.ReadAllText("/proc/loadavg");
        return double.Parse(text.Split(' ', 2)[0], NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
