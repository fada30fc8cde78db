using Terminal.Gui.App;

namespace OctoLite.Tui.Screens;

/// <summary>
/// Loads the shown screen now and then every <see cref="TuiTimings.StatusRefreshInterval"/>: the load runs on the thread
/// pool, its update on the UI thread, and only if the screen is still the one shown. One load at a time; a due refresh
/// is skipped while the last still runs, and a refresh asked for meanwhile runs right after it. Going to another screen
/// (<see cref="Restart"/>) cancels the load in flight and starts the new screen's at once. A failed load is reported,
/// never thrown into the UI loop.
/// </summary>
/// <remarks>Every member runs on the UI thread, except the load itself.</remarks>
internal sealed class ScreenRefresher : IDisposable
{
    private readonly IApplication _app;
    private readonly Func<Screen?> _current;
    private readonly Action<Screen, Exception?> _onLoaded;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationToken _stopping;
    private object? _timer;
    private CancellationTokenSource? _load;
    private int _generation;
    private bool _again;

    /// <param name="onLoaded">Called on the UI thread after each load of a screen still shown: with null, or the failure.</param>
    public ScreenRefresher(IApplication app, Func<Screen?> current, Action<Screen, Exception?> onLoaded)
    {
        _app = app;
        _current = current;
        _onLoaded = onLoaded;
        _stopping = _stop.Token;
    }

    /// <summary>True while a load runs.</summary>
    public bool IsLoading => _load is not null;

    public void Start()
    {
        _timer = _app.AddTimeout(TuiTimings.StatusRefreshInterval, () =>
        {
            Refresh();
            return !_stopping.IsCancellationRequested;
        });
        if (!IsLoading)
            Refresh();
    }

    /// <summary>Loads the current screen now, or right after the load in flight.</summary>
    public void Refresh()
    {
        if (_stopping.IsCancellationRequested || _current() is not { } screen)
            return;

        if (IsLoading)
        {
            _again = true;
            return;
        }

        var generation = ++_generation;
        var load = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        load.CancelAfter(TuiTimings.StatusTimeout);
        _load = load;
        _ = Task.Run(() => LoadAsync(screen, generation, load));
    }

    /// <summary>Drops the load in flight (its screen is gone or covered) and loads the current screen at once.</summary>
    public void Restart()
    {
        _load?.Cancel();
        _load = null;
        _again = false;
        Refresh();
    }

    private async Task LoadAsync(Screen screen, int generation, CancellationTokenSource load)
    {
        Action? update = null;
        Exception? failure = null;
        try
        {
            update = await screen.LoadAsync(load.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
            // Dropped (another screen), stopped, or out of time: told apart on the UI thread below.
            failure = new TimeoutException($"The server did not answer within {TuiTimings.StatusTimeout.TotalSeconds:0} s.");
        }
        catch (Exception e)
        {
            // Whatever the server or the screen's reading throws is shown on the message line, never a crash.
            failure = e;
        }

        try
        {
            _app.Invoke(() => Finish(screen, generation, load, update, failure));
        }
        catch (NotInitializedException)
        {
            // The application is gone: nothing left to update.
            load.Dispose();
        }
    }

    private void Finish(Screen screen, int generation, CancellationTokenSource load, Action? update, Exception? failure)
    {
        var dropped = generation != _generation || _stopping.IsCancellationRequested;
        load.Dispose();
        if (dropped)
            return;

        _load = null;
        if (ReferenceEquals(_current(), screen))
        {
            if (failure is null && update is not null)
            {
                try
                {
                    update();
                }
                catch (Exception e)
                {
                    // A screen's update must never take the UI down: say what went wrong instead.
                    failure = e;
                }
            }

            _onLoaded(screen, failure);
        }

        if (_again)
        {
            _again = false;
            Refresh();
        }
    }

    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
            return;

        _stop.Cancel();
        if (_timer is not null)
            _app.RemoveTimeout(_timer);
        _stop.Dispose();
    }
}
