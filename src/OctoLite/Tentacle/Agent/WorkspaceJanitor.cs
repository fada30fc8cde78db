namespace OctoLite.Tentacle.Agent;

/// <summary>
/// Deletes orphaned tickets: workspaces and journals of scripts that are not running and were last touched more
/// than the retention ago (the server never completed them: it was deleted, or lost its task). Sweeps at start and
/// then every <see cref="TentacleAgentOptions.CleanupInterval"/>.
/// </summary>
internal sealed partial class WorkspaceJanitor(
    TentacleHome home, ScriptService scripts, TimeSpan retention, TentacleAgentOptions options, ILogger<WorkspaceJanitor> logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public void Start()
    {
        Sweep();
        _loop = LoopAsync(_stop.Token);
    }

    /// <summary>Deletes every orphaned ticket older than the retention; returns the tickets deleted.</summary>
    public IReadOnlyList<string> Sweep()
    {
        var cutoff = options.Time.GetUtcNow().UtcDateTime - retention;
        var tickets = Names(home.WorkFolder).Union(Names(home.JournalFolder), StringComparer.Ordinal);
        var deleted = new List<string>();
        foreach (var ticket in tickets)
        {
            if (LastTouched(ticket) >= cutoff || !scripts.TryForget(ticket))
            {
                continue;
            }

            try
            {
                foreach (var folder in new[] { home.Workspace(ticket), home.Journal(ticket) })
                {
                    if (Directory.Exists(folder))
                    {
                        Directory.Delete(folder, recursive: true);
                    }
                }

                deleted.Add(ticket);
                LogDeleted(logger, ticket, retention);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogDeleteFailed(logger, ticket, e.Message);
            }
        }

        return deleted;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.CleanupInterval, options.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                Sweep();
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>The latest write time of the ticket's folders and status file: a running script keeps its journal fresh.</summary>
    private DateTime LastTouched(string ticket)
    {
        var times = new[]
        {
            Directory.GetLastWriteTimeUtc(home.Workspace(ticket)),
            Directory.GetLastWriteTimeUtc(home.Journal(ticket)),
            File.GetLastWriteTimeUtc(Path.Combine(home.Journal(ticket), ScriptRecordFile.FileName)),
            File.GetLastWriteTimeUtc(Path.Combine(home.Journal(ticket), ScriptJournal.FileName)),
        };
        return times.Max(); // a missing path reads as 1601, so it never counts
    }

    private static IEnumerable<string> Names(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>() : [];

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the orphaned workspace and journal of ticket {Ticket}: untouched for more than {Retention}")]
    private static partial void LogDeleted(ILogger logger, string ticket, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the orphaned workspace of ticket {Ticket}: {Reason}")]
    private static partial void LogDeleteFailed(ILogger logger, string ticket, string reason);
}
