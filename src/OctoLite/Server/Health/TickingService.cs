namespace OctoLite.Server.Health;

/// <summary>
/// A background look at the store every <see cref="Interval"/>: <see cref="Tick"/> runs after each wait until the
/// server stops; a tick that fails on the store is logged and the next one tries again.
/// </summary>
internal abstract class TickingService(TimeProvider time) : BackgroundService
{
    /// <summary>The clock of the waits, and of the derived service's own reckoning.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>When the loop began: this server's start, for anything that could not be seen while it was down.</summary>
    protected DateTimeOffset Started { get; private set; }

    /// <summary>The wait before each tick (read again every time).</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One look. Internal for tests, which call it instead of waiting for the loop; calls never overlap.</summary>
    internal abstract void Tick();

    protected abstract void TickFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Started = Time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, Time, stoppingToken);
                Tick();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is LiteDB.LiteException or IOException or InvalidOperationException)
            {
                TickFailed(e);
            }
        }
    }
}
