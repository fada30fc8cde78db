using System.Globalization;

namespace OctoLite.Cli.Output;

/// <summary>How values look in tables.</summary>
internal static class Display
{
    public static string YesNo(bool value) => value ? "yes" : "no";

    public static string Mark(bool value) => value ? "*" : "";

    public static string Duration(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset value) => value.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A point in time in <paramref name="time"/>'s zone, so tests can pin the zone.</summary>
    public static string Time(DateTimeOffset value, TimeProvider time) =>
        TimeZoneInfo.ConvertTime(value, time.LocalTimeZone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? value, TimeProvider time) => value is { } v ? Time(v, time) : "";

    /// <summary>The time of day only, as task log lines show it.</summary>
    public static string Clock(DateTimeOffset value, TimeProvider time) =>
        TimeZoneInfo.ConvertTime(value, time.LocalTimeZone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>How long something took, short and rounded down: 0.4s, 12.3s, 3m 05s, 2h 07m, 1d 03h.</summary>
    public static string Elapsed(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            value = TimeSpan.Zero;
        }

        return value.TotalSeconds switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(value.TotalSeconds * 10) / 10:0.0}s"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalMinutes}m {value.Seconds:00}s"),
            < 86400 => string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalHours}h {value.Minutes:00}m"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalDays}d {value.Hours:00}h"),
        };
    }

    /// <summary>A size for people: 512 B, 2.9 KiB, 14.0 MiB.</summary>
    public static string Bytes(long value) => value switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{value} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{value / 1024.0:0.0} KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{value / (1024.0 * 1024):0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value / (1024.0 * 1024 * 1024):0.0} GiB"),
    };

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
