using System.Text;
using System.Text.Unicode;
using System.Threading.Channels;
using OctoLite.Domain;
using OctoLite.Scripting.Processes;
using OctoLite.Storage;

namespace OctoLite.Server.Tasks;

/// <summary>
/// The log of one running task. Lines are numbered as they are written and stored in batches, never one store
/// write per line: a batch is handed to a storing loop every <see cref="FlushInterval"/>, or as soon as
/// <see cref="MaxPendingLines"/> or <see cref="MaxPendingBytes"/> are waiting. Storing overlaps with writing (the
/// script's output keeps being read while the previous batch is stored); when <see cref="MaxQueuedBatches"/> are
/// already waiting to be stored, the writer waits, so a script that floods its output is slowed to the store's
/// pace instead of filling memory. Disposing stores what is left. Thread-safe.
/// </summary>
/// <remarks>
/// A block fed from a tentacle's journal also records how far into that journal its lines go
/// (<see cref="WriteThrough"/>): the position travels in the batch holding those lines, and the batch is stored with
/// it in one write (<see cref="StorePositionsWith"/>), so the stored log and the stored position never disagree.
/// </remarks>
internal sealed class TaskLogWriter : IAsyncDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);
    public const int MaxPendingLines = 8192;
    public const int MaxPendingBytes = 1 << 20;
    public const int MaxQueuedBatches = 4;

    private readonly OctoStore _store;
    private readonly TaskSignals _signals;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly LineClock _clock;
    private readonly Channel<Batch> _batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(MaxQueuedBatches)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _storing;
    private readonly Task _ticking;
    private LogChunkBuilder _pending;
    private Dictionary<string, long>? _pendingPositions;
    private Action<LogChunkBuilder, IReadOnlyDictionary<string, long>>? _storeWithPositions;
    // Inside WriteThrough: a full batch waits until the unit is written, so a batch never splits one.
    private int _holding;
    private long _next;
    private long _stored;
    private bool _warningsOrErrors;
    private int _disposed;

    public TaskLogWriter(OctoStore store, TaskSignals signals, TimeProvider time, string taskId, long alreadyStored)
    {
        _store = store;
        _signals = signals;
        _time = time;
        _clock = new LineClock(time);
        TaskId = taskId;
        _next = alreadyStored;
        _stored = alreadyStored;
        _pending = new LogChunkBuilder(alreadyStored + 1);
        _storing = Task.Run(StoreBatchesAsync);
        _ticking = Task.Run(TickAsync);
    }

    public string TaskId { get; }

    /// <summary>Lines stored so far.</summary>
    public long StoredLines => Interlocked.Read(ref _stored);

    /// <summary>Whether a warning, error or fatal line was written.</summary>
    /// <remarks>Read without the lock: the task's record reads it while holding its own lock, which storing takes.</remarks>
    public bool HasWarningsOrErrors => Volatile.Read(ref _warningsOrErrors);

    /// <summary>
    /// How batches carrying positions (<see cref="WriteThrough"/>) are stored: <paramref name="store"/> gets the lines
    /// (possibly none) and the last position per block, and stores both in one write. Without it positions are dropped.
    /// Set before the first <see cref="WriteThrough"/>.
    /// </summary>
    public void StorePositionsWith(Action<LogChunkBuilder, IReadOnlyDictionary<string, long>> store) => Volatile.Write(ref _storeWithPositions, store);

    /// <summary>
    /// Writes what <paramref name="write"/> writes through this writer (on this thread) and records that
    /// <paramref name="block"/>'s source has been delivered up to <paramref name="position"/>, as one unit: the lines
    /// and the position are in the same batch, so they are stored together or not at all.
    /// </summary>
    public void WriteThrough(string block, long position, Action write)
    {
        lock (_gate)
        {
            _holding++;
            try
            {
                write();
            }
            finally
            {
                _holding--;
            }

            (_pendingPositions ??= new Dictionary<string, long>(StringComparer.Ordinal))[block] = position;
            EnqueueIfFull();
        }
    }

    public void Info(string block, string text) => Write(TaskLogLevel.Info, block, text);

    public void Warning(string block, string text) => Write(TaskLogLevel.Warning, block, text);

    public void Error(string block, string text) => Write(TaskLogLevel.Error, block, text);

    /// <summary>Adds a line (several, if <paramref name="text"/> holds line breaks) to <paramref name="block"/>.</summary>
    public void Write(TaskLogLevel level, string block, string text)
    {
        lock (_gate)
        {
            var now = _clock.Now;
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

            EnqueueIfFull();
        }
    }

    /// <summary>
    /// Adds a line given as UTF-8, as <see cref="Write"/> does its text: a line that is valid UTF-8 with no line break
    /// (script output, nearly always) is stored as the bytes given, without becoming a string; any other goes
    /// through <see cref="Write"/>.
    /// </summary>
    public void WriteUtf8(TaskLogLevel level, string block, ReadOnlySpan<byte> text)
    {
        if (text.IndexOfAny((byte)'\n', (byte)'\r') >= 0 || !Utf8.IsValid(text))
        {
            Write(level, block, Encoding.UTF8.GetString(text));
            return;
        }

        lock (_gate)
        {
            _pending.AddUtf8(_clock.Now, level, block, text);
            _next++;
            _warningsOrErrors |= level >= TaskLogLevel.Warning;
            EnqueueIfFull();
        }
    }

    /// <summary>Stores every line written so far, in order, and returns once they are stored.</summary>
    public async Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            Enqueue(TakePending(done));
        }

        await done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        await _ticking;
        try
        {
            await FlushAsync();
        }
        finally
        {
            _batches.Writer.TryComplete();
            await _storing;
            _stop.Dispose();
        }
    }

    private void Add(TaskLogLevel level, string block, string text, DateTimeOffset now)
    {
        _pending.Add(now, level, block, text);
        _next++;
        _warningsOrErrors |= level >= TaskLogLevel.Warning;
    }

    /// <summary>Queues the pending lines once they make a full batch; the caller holds <see cref="_gate"/>.</summary>
    private void EnqueueIfFull()
    {
        if (_holding == 0 && (_pending.Count >= MaxPendingLines || _pending.TextBytes >= MaxPendingBytes))
        {
            // Under the lock, so batches queue in sequence order; waits while the store is behind.
            Enqueue(TakePending(null));
        }
    }

    private Batch TakePending(TaskCompletionSource? done)
    {
        var batch = new Batch(_pending, _pendingPositions, done);
        _pending = new LogChunkBuilder(_next + 1);
        _pendingPositions = null;
        return batch;
    }

    /// <summary>Queues a batch for storing; the caller holds <see cref="_gate"/>.</summary>
    private void Enqueue(Batch batch)
    {
        if (_batches.Writer.TryWrite(batch))
        {
            return;
        }

        try
        {
            _batches.Writer.WriteAsync(batch).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException e)
        {
            throw new InvalidOperationException($"The log of task {TaskId} can no longer be stored: {e.InnerException?.Message ?? e.Message}", e.InnerException ?? e);
        }
    }

    private async Task StoreBatchesAsync()
    {
        await foreach (var batch in _batches.Reader.ReadAllAsync())
        {
            try
            {
                if (batch.Positions is { } positions && Volatile.Read(ref _storeWithPositions) is { } storeWithPositions)
                {
                    storeWithPositions(batch.Lines, positions);
                }
                else if (batch.Lines.Count > 0)
                {
                    _store.Write(s =>
                    {
                        s.TaskLog.Append(TaskId, batch.Lines);
                        return true;
                    });
                }

                if (batch.Lines.Count > 0)
                {
                    Interlocked.Exchange(ref _stored, batch.Lines.LastSequence);
                    _signals.Pulse(TaskId);
                }

                batch.Lines.Release();
                batch.Done?.TrySetResult();
            }
            catch (Exception e)
            {
                // The store failed (disk full, file damaged): writers and flushers learn it instead of waiting for ever.
                batch.Done?.TrySetException(e);
                _batches.Writer.TryComplete(e);
                while (_batches.Reader.TryRead(out var abandoned))
                {
                    abandoned.Done?.TrySetException(e);
                }

                throw;
            }
        }
    }

    private async Task TickAsync()
    {
        using var timer = new PeriodicTimer(FlushInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                lock (_gate)
                {
                    if (_pending.Count > 0 || _pendingPositions is not null)
                    {
                        // Never wait here: if the store is behind, a full batch is already on its way.
                        if (_batches.Writer.TryWrite(new Batch(_pending, _pendingPositions, null)))
                        {
                            _pending = new LogChunkBuilder(_next + 1);
                            _pendingPositions = null;
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposal: the last flush is the disposer's.
        }
    }

    /// <param name="Positions">The last position per block written with these lines (<see cref="WriteThrough"/>); null for none.</param>
    private sealed record Batch(LogChunkBuilder Lines, IReadOnlyDictionary<string, long>? Positions, TaskCompletionSource? Done);
}
