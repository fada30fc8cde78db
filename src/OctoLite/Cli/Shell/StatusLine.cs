using System.Globalization;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Shell;

/// <summary>The one-line summary of a server the terminal UI shows and refreshes.</summary>
internal static class StatusLine
{
    public static async Task<string> ReadAsync(OctoLiteClient client, CancellationToken cancellationToken)
    {
        var json = CliJsonContext.Default;
        var status = await client.GetAsync("api/serverstatus", json.ServerStatus, cancellationToken);
        var pools = await client.GetAsync("api/workerpools/all", json.ListWorkerPool, cancellationToken);
        var workers = await client.GetAsync("api/workers", json.ResourceCollectionWorker, cancellationToken);
        var configuration = await client.GetAsync("api/configuration", json.ServerConfiguration, cancellationToken);
        var defaultPool = pools.FirstOrDefault(p => p.IsDefault);
        var builtIn = !configuration.BuiltInWorkerEnabled
            ? "off"
            : workers.Items.Any(w => defaultPool is not null && w.WorkerPoolIds.Contains(defaultPool.Id)) ? "superseded by default-pool workers" : "on";
        return string.Create(CultureInfo.InvariantCulture,
            $"OctoLite {status.Version} on {status.Node}, up {Uptime(status.Uptime)} · {pools.Count} pool(s) · {workers.TotalResults} worker(s) · task cap {configuration.TaskCap} · built-in worker {builtIn}");
    }

    /// <summary>
    /// Uptime to the minute ("3d 4h 12m", "5m", "<1m"): the line is redrawn only when it changes, so an idle shell
    /// writes to the terminal once a minute at most rather than at every refresh.
    /// </summary>
    public static string Uptime(TimeSpan uptime)
    {
        if (uptime < TimeSpan.FromMinutes(1))
            return "<1m";
        var parts = new List<string>();
        if (uptime.Days > 0)
            parts.Add($"{uptime.Days}d");
        if (uptime.Days > 0 || uptime.Hours > 0)
            parts.Add($"{uptime.Hours}h");
        parts.Add($"{uptime.Minutes}m");
        return string.Join(' ', parts);
    }
}
