using OctoLite.Domain;
using OctoLite.Storage;

namespace OctoLite.Server.Tasks;

/// <summary>
/// The log of one running task. Lines are numbered as they are written and stored in batches: every
/// <see cref="FlushInterval"/>, or at once by the writing thread when <see cref="MaxPendingLines"/> or
/// <see cref="MaxPendingChars"/> are waiting (so a script that floods its output is slowed to the store's pace
/// instead of filling memory). Disposing stores what is left. Thread-safe.
/// </summary>
internal sealed class TaskLogWriter : IAsyncDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);
    public const int MaxPendingLines = 8192;
    public const int MaxPendingChars = 1 << 20;

    private readonly OctoStore _store;
    private readonly TaskSignals _signals;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Lock _flushGate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private List<TaskLogLine> _pending = [];
    private int _pendingChars;
    private long _next;
    private long _stored;
    private bool _warningsOrErrors;

    public TaskLogWriter(OctoStore store, TaskSignals signals, TimeProvider time, string taskId, long alreadyStored)
    {
        _store = store;
        _signals = signals;
        _time = time;
        TaskId = taskId;
        _next = alreadyStored;
        _stored = alreadyStored;
        _loop = Task.Run(FlushPeriodicallyAsync);
    }

    public string TaskId { get; }

    /// <summary>Lines stored so far.</summary>
    public long StoredLines => Interlocked.Read(ref _stored);

    /// <summary>Whether a warning, error or fatal line was written.</summary>
    public bool HasWarningsOrErrors
    {
        get
        {
            lock (_gate)
            {
                return _warningsOrErrors;
            }
        }
    }

    public void Verbose(string block, string text) => Write(TaskLogLevel.Verbose, block, text);

    public void Info(string block, string text) => Write(TaskLogLevel.Info, block, text);

    public void Warning(string block, string text) => Write(TaskLogLevel.Warning, block, text);

    public void Error(string block, string text) => Write(TaskLogLevel.Error, block, text);

    /// <summary>Adds a line (several, if <paramref name="text"/> holds line breaks) to <paramref name="block"/>.</summary>
    public void Write(TaskLogLevel level, string block, string text)
    {
        var now = _time.GetUtcNow();
        bool full;
        lock (_gate)
        {
            if (text.AsSpan().IndexOfAny('\n', '\r') < 0)
            {
                Add(level, block, text, now);
            }
            else
            {
                foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
                {
                    Add(level, block, line, now);
                }
            }

            full = _pending.Count >= MaxPendingLines || _pendingChars >= MaxPendingChars;
        }

        if (full)
        {
            Flush();
        }
    }

    /// <summary>Stores every line written so far, in order.</summary>
    public void Flush()
    {
        lock (_flushGate)
        {
            List<TaskLogLine> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    return;
                }

                batch = _pending;
                _pending = new List<TaskLogLine>(Math.Min(batch.Count, MaxPendingLines));
                _pendingChars = 0;
            }

            _store.Write(s =>
            {
                s.TaskLog.Append(TaskId, batch);
                return true;
            });
            Interlocked.Exchange(ref _stored, batch[^1].Sequence);
        }

        _signals.Pulse(TaskId);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            // A store failure in the periodic flush surfaces here, to the task that owns the log.
            await _loop;
        }
        finally
        {
            _stop.Dispose();
        }

        Flush();
    }

    private void Add(TaskLogLevel level, string block, string text, DateTimeOffset now)
    {
        _pending.Add(new TaskLogLine { Sequence = ++_next, Time = now, Level = level, Block = block, Text = text });
        _pendingChars += text.Length + 16;
        _warningsOrErrors |= level >= TaskLogLevel.Warning;
    }

    private async Task FlushPeriodicallyAsync()
    {
        using var timer = new PeriodicTimer(FlushInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Flush();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposal: the last flush is the disposer's.
        }
    }
}
