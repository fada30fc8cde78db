using System.Globalization;
using OctoLite.Domain;
using OctoLite.Tui.Widgets;

namespace OctoLite.Tui.Screens;

/// <summary>How a worker's fields read on the workers screen.</summary>
internal static class WorkerText
{
    public static string Kind(CommunicationStyle style) => style switch
    {
        CommunicationStyle.TentaclePassive => "Listening",
        CommunicationStyle.TentacleActive => "Polling",
        CommunicationStyle.Ssh => "SSH",
        _ => style.ToString(),
    };

    public static Tone HealthTone(Worker worker) => worker.IsDisabled ? Tone.Dim : worker.HealthStatus switch
    {
        HealthStatus.Healthy => Tone.Good,
        HealthStatus.HasWarnings => Tone.Warning,
        HealthStatus.Unhealthy or HealthStatus.Unavailable => Tone.Bad,
        _ => Tone.Normal,
    };

    /// <summary>Where the server reaches it: the tentacle's URI (poll:// for a polling one), or user@host:port over SSH.</summary>
    public static string Endpoint(WorkerEndpoint endpoint) => endpoint.CommunicationStyle == CommunicationStyle.Ssh
        ? $"{endpoint.Username}@{endpoint.Host}:{(endpoint.Port ?? 22).ToString(CultureInfo.InvariantCulture)}"
        : endpoint.Uri ?? "";

    /// <summary>
    /// "&lt;1m ago", "5m ago", "3h ago", "2d ago"; "never" when it has not been seen. Never seconds: a cell counting
    /// seconds changes at every refresh, and the whole table is then redrawn (every 2 s, over SSH too).
    /// </summary>
    public static string Ago(DateTimeOffset? when, DateTimeOffset now)
    {
        if (when is not { } then)
            return "never";

        var elapsed = now - then;
        return elapsed.TotalMinutes < 1 ? "<1m ago"
            : elapsed.TotalMinutes < 60 ? $"{(int)elapsed.TotalMinutes}m ago"
            : elapsed.TotalHours < 48 ? $"{(int)elapsed.TotalHours}h ago"
            : $"{(int)elapsed.TotalDays}d ago";
    }

    /// <summary>A point in time in <paramref name="clock"/>'s zone, to the second.</summary>
    public static string Time(DateTimeOffset when, TimeProvider clock) =>
        TimeZoneInfo.ConvertTime(when, clock.LocalTimeZone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Bytes(long bytes) => bytes switch
    {
        < 0 => "unknown",
        < 1L << 20 => $"{(bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture)} KB",
        < 1L << 30 => $"{(bytes / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture)} MB",
        _ => $"{(bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture)} GB",
    };
}
