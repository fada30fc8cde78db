namespace OctoLite.Tentacle.Agent;

/// <summary>
/// Fsyncs a running script's journal every <see cref="TentacleTimeoutsAndLimits.JournalFlushInterval"/>, so
/// lines reach readers (and the disk) in batches rather than one fsync per line.
/// </summary>
internal sealed class JournalFlusher : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private JournalFlusher(ScriptJournal journal, TimeProvider time) => _loop = RunAsync(journal, time, _stop.Token);

    public static JournalFlusher Start(ScriptJournal journal, TimeProvider time) => new(journal, time);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private static async Task RunAsync(ScriptJournal journal, TimeProvider time, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TentacleTimeoutsAndLimits.JournalFlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    journal.Flush();
                }
                catch (IOException)
                {
                    // The next append or the final close reports a failing disk; keep trying meanwhile.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopped: the caller closes the journal, which flushes the rest
        }
    }
}
