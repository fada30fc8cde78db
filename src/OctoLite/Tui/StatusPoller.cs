using Terminal.Gui.App;

namespace OctoLite.Tui;

/// <summary>
/// Asks the status provider now and then every <see cref="TuiTimings.StatusRefreshInterval"/>, and hands
/// each result to <c>onReport</c> on the UI thread.
/// </summary>
/// <remarks>
/// Threading: the repeating timer is a Terminal.Gui timeout, so it fires on the UI thread; the provider
/// itself runs on the thread pool (it may block or be slow) and its result comes back only through
/// <see cref="IApplication.Invoke(Action)"/>. At most one request is in flight; a due refresh is skipped
/// while the previous one still runs.
/// </remarks>
internal sealed class StatusPoller : IDisposable
{
    private readonly IApplication _app;
    private readonly Func<CancellationToken, Task<string>> _provider;
    private readonly Action<StatusReport> _onReport;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationToken _stopping;
    private object? _timer;
    private int _inFlight;

    public StatusPoller(IApplication app, Func<CancellationToken, Task<string>> provider, Action<StatusReport> onReport)
    {
        _app = app;
        _provider = provider;
        _onReport = onReport;
        // Captured once: a token copy stays readable after Dispose, when a late request may still finish.
        _stopping = _stop.Token;
    }

    /// <summary>Starts polling. Call on the UI thread.</summary>
    public void Start()
    {
        _timer = _app.AddTimeout(TuiTimings.StatusRefreshInterval, () =>
        {
            Refresh();
            return !_stopping.IsCancellationRequested;
        });
        Refresh();
    }

    private void Refresh()
    {
        if (_stopping.IsCancellationRequested || Interlocked.Exchange(ref _inFlight, 1) == 1)
            return;

        _ = Task.Run(FetchAsync);
    }

    private async Task FetchAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        timeout.CancelAfter(TuiTimings.StatusTimeout);
        StatusReport report;
        try
        {
            report = StatusReport.Ok(await _provider(timeout.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            report = StatusReport.Failed($"no answer within {TuiTimings.StatusTimeout.TotalSeconds:0} s");
        }
        catch (Exception ex)
        {
            // The provider is the caller's code: whatever it throws is shown, never allowed to crash the UI.
            report = StatusReport.Failed(ex.Message);
        }
        finally
        {
            Volatile.Write(ref _inFlight, 0);
        }

        Post(report);
    }

    private void Post(StatusReport report)
    {
        if (_stopping.IsCancellationRequested)
            return;

        try
        {
            _app.Invoke(() =>
            {
                if (!_stopping.IsCancellationRequested)
                    _onReport(report);
            });
        }
        catch (NotInitializedException)
        {
            // The application was disposed between our check and Invoke: nothing left to update.
        }
    }

    /// <summary>Stops polling. Call on the UI thread; a request still in flight is cancelled and ignored.</summary>
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
