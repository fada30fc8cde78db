using System.Collections.Concurrent;
using OctoLite.Domain;
using Terminal.Gui.App;

namespace OctoLite.Tui.Screens;

/// <summary>
/// The live tail: while the task runs, its lines arrive over the server's event stream as they are written, instead of
/// waiting for the next refresh. Lines are queued on the stream's thread and drained on the UI thread in one batch per
/// wake-up. The refresh still reads pages after the last line shown, so a dropped stream loses nothing (and a line
/// both bring is shown once).
/// </summary>
internal sealed partial class TaskScreen
{
    private readonly ConcurrentQueue<TaskLogLine> _arrived = new();
    private CancellationTokenSource? _tail;
    private int _drainPosted;
    private bool _stopped;
    private bool _hidden;

    /// <summary>True while the live tail is open.</summary>
    public bool IsTailing => _tail is not null && !_stopped;

    /// <summary>Back on top: the shell loads the screen now, which reads the lines written meanwhile and opens the tail again.</summary>
    public override void OnShown()
    {
        _hidden = false;
        if (_task is { } task && !_complete)
            StartTail(task);
    }

    /// <summary>Covered by another screen, or closing: a hidden task keeps no stream open on the server.</summary>
    public override void OnHidden()
    {
        _hidden = true;
        PauseTail();
    }

    /// <summary>Opens the tail once the task is known and still running, while the screen is shown. UI thread.</summary>
    private void StartTail(ServerTask task)
    {
        if (_tail is not null || _stopped || _hidden || task.IsCompleted || App is not { } app)
            return;

        var tail = _tail = new CancellationTokenSource();
        // The token is read here, on the UI thread: by the time the thread pool runs TailAsync, the screen may have been
        // hidden or closed and the source disposed, and reading its Token then would throw.
        var cancellationToken = tail.Token;
        var after = _log.LastSequence;
        _ = System.Threading.Tasks.Task.Run(() => TailAsync(app, task.Id, after, tail, cancellationToken));
    }

    private async Task TailAsync(IApplication app, string id, long after, CancellationTokenSource tail, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var line in Api.TailLogAsync(id, after, cancellationToken).ConfigureAwait(false))
            {
                _arrived.Enqueue(line);
                if (Interlocked.Exchange(ref _drainPosted, 1) == 0)
                    app.Invoke(Drain);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Closed (screen hidden or gone, app quit) or the stream failed: the refresh goes on reading pages; the tail only speeds them up.
        }

        if (cancellationToken.IsCancellationRequested)
            return;
        try
        {
            // The stream ended by itself (the task finished, or the connection dropped): the next refresh opens a new one if the task still runs.
            app.Invoke(() => TailEnded(tail));
        }
        catch (NotInitializedException)
        {
            // The application is gone.
        }
    }

    private void TailEnded(CancellationTokenSource tail)
    {
        if (!ReferenceEquals(_tail, tail) || _stopped)
            return;
        _tail = null;
        tail.Dispose();
    }

    private void Drain()
    {
        Volatile.Write(ref _drainPosted, 0);
        var lines = new List<TaskLogLine>();
        while (_arrived.TryDequeue(out var line))
            lines.Add(line);
        if (lines.Count == 0 || _stopped)
            return;

        _log.Append(lines);
        Interlocked.Exchange(ref _position, _log.LastSequence);
    }

    /// <summary>Closes the tail for good: the task has ended and its log is read, or the screen is gone.</summary>
    private void StopTail()
    {
        PauseTail();
        _stopped = true;
    }

    /// <summary>Closes the tail for now; <see cref="StartTail"/> opens a new one after the last line shown.</summary>
    private void PauseTail()
    {
        if (_tail is not { } tail)
            return;
        _tail = null;
        tail.Cancel();
        tail.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            StopTail();
        base.Dispose(disposing);
    }
}
