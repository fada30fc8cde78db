using Terminal.Gui.App;

namespace OctoLite.Tui.Screens;

/// <summary>
/// Loads the shown screen now and then every <see cref="TuiTimings.StatusRefreshInterval"/>: the load runs on the thread
/// pool, its update on the UI thread, and only if the screen is still the one shown. One load at a time; a due
/// refresh is skipped while the last still runs. A failed load is reported, never thrown into the UI loop.
/// </summary>
internal sealed class ScreenRefresher : IDisposable
{
    private readonly IApplication _app;
    private readonly Func<Screen?> _current;
    private readonly Action<Screen, Exception?> _onLoaded;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationToken _stopping;
    private object? _timer;
    private int _inFlight;
    private bool _again;

    /// <param name="onLoaded">Called on the UI thread after each load of a screen still shown: with null, or the failure.</param>
    public ScreenRefresher(IApplication app, Func<Screen?> current, Action<Screen, Exception?> onLoaded)
    {
        _app = app;
        _current = current;
        _onLoaded = onLoaded;
        _stopping = _stop.Token;
    }

    public void Start()
    {
        _timer = _app.AddTimeout(TuiTimings.StatusRefreshInterval, () =>
        {
            Refresh();
            return !_stopping.IsCancellationRequested;
        });
        Refresh();
    }

    /// <summary>Loads the current screen now (or right after the load in flight). UI thread.</summary>
    public void Refresh()
    {
        if (_stopping.IsCancellationRequested || _current() is not { } screen)
            return;

        if (Interlocked.Exchange(ref _inFlight, 1) == 1)
        {
            _again = true;
            return;
        }

        _ = Task.Run(() => LoadAsync(screen));
    }

    private async Task LoadAsync(Screen screen)
    {
        Action? update = null;
        Exception? failure = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        timeout.CancelAfter(TuiTimings.StatusTimeout);
        try
        {
            update = await screen.LoadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            failure = new TimeoutException($"The server did not answer within {TuiTimings.StatusTimeout.TotalSeconds:0} s.");
        }
        catch (Exception e)
        {
            // Whatever the server or the screen's reading throws is shown on the message line, never a crash.
            failure = e;
        }

        try
        {
            _app.Invoke(() =>
            {
                Volatile.Write(ref _inFlight, 0);
                if (_stopping.IsCancellationRequested)
                    return;

                if (ReferenceEquals(_current(), screen))
                {
                    if (update is not null)
                        update();
                    _onLoaded(screen, failure);
                }

                if (_again)
                {
                    _again = false;
                    Refresh();
                }
            });
        }
        catch (NotInitializedException)
        {
            // The application is gone: nothing left to update.
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
