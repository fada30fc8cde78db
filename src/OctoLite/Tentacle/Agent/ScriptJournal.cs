using System.Text.Json;
using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent;

/// <summary>
/// A script's events on disk: <c>events.jsonl</c>, one JSON <see cref="ScriptEvent"/> per line, numbered from 1
/// without gaps. Appends go to a buffer that is fsync'd every <see cref="TentacleTimeoutsAndLimits.JournalFlushInterval"/>
/// (or at once past <see cref="TentacleTimeoutsAndLimits.JournalFlushBytes"/>); readers only ever see fsync'd
/// entries, so what the server has read survives a crash of the tentacle.
/// </summary>
/// <remarks>Thread-safe: one writer (the runner's output, serialised) and any number of readers.</remarks>
internal sealed class ScriptJournal : IDisposable
{
    public const string FileName = "events.jsonl";

    private readonly Lock _gate = new();
    private readonly string _path;
    private readonly List<long> _offsets = []; // _offsets[n - 1] is where entry n starts; Count = entries written
    private readonly TimeProvider _time;
    private readonly MemoryStream _pending = new();
    private FileStream? _writer;
    private long _length;
    private long _durable;
    private int _pendingBytes;
    private TaskCompletionSource _advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ScriptJournal(string path, TimeProvider time)
    {
        _path = path;
        _time = time;
    }

    /// <summary>The last entry readers can see (fsync'd); 0 when none.</summary>
    public long DurableSequence
    {
        get
        {
            lock (_gate)
            {
                return _durable;
            }
        }
    }

    /// <summary>Completes when more entries become durable, or the journal is closed, after it was read: what a waiting status request waits on.</summary>
    public Task Advanced
    {
        get
        {
            lock (_gate)
            {
                return _advanced.Task;
            }
        }
    }

    /// <summary>Starts a new, empty journal in <paramref name="folder"/>.</summary>
    public static ScriptJournal Create(string folder, TimeProvider time)
    {
        var journal = new ScriptJournal(Path.Combine(folder, FileName), time);
        journal._writer = new FileStream(journal._path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.Read,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite, BufferSize = 0,
        });
        // Not fsync'd while empty: a journal that vanished with a power loss held nothing, and its script died too.
        return journal;
    }

    /// <summary>Opens a finished journal for reading; a torn last line (a crash mid-write) is ignored.</summary>
    public static ScriptJournal Open(string folder, TimeProvider time)
    {
        var journal = new ScriptJournal(Path.Combine(folder, FileName), time);
        if (File.Exists(journal._path))
        {
            var bytes = File.ReadAllBytes(journal._path);
            var start = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    journal._offsets.Add(start);
                    start = i + 1;
                }
            }

            journal._length = start;
        }

        journal._durable = journal._offsets.Count;
        return journal;
    }

    /// <summary>Opens a journal a stopped tentacle left, to append to it; a torn last line (a crash mid-write) is cut off.</summary>
    public static ScriptJournal Reopen(string folder, TimeProvider time)
    {
        var journal = Open(folder, time);
        journal._writer = new FileStream(journal._path, new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate, Access = FileAccess.Write, Share = FileShare.Read,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite, BufferSize = 0,
        });
        journal._writer.SetLength(journal._length);
        journal._writer.Seek(journal._length, SeekOrigin.Begin);
        return journal;
    }

    /// <summary>Appends <paramref name="entry"/> with the next sequence and the current time; returns the sequence.</summary>
    public long Append(ScriptEvent entry)
    {
        lock (_gate)
        {
            var writer = _writer ?? throw new InvalidOperationException("The journal is closed for writing.");
            var sequence = _offsets.Count + 1L;
            var line = JsonSerializer.SerializeToUtf8Bytes(entry with { Sequence = sequence, Time = _time.GetUtcNow() }, TentacleAgentJsonContext.Default.ScriptEvent);
            _pending.Write(line);
            _pending.WriteByte((byte)'\n');
            _offsets.Add(_length);
            _length += line.Length + 1;
            _pendingBytes += line.Length + 1;
            if (_pendingBytes >= TentacleTimeoutsAndLimits.JournalFlushBytes)
            {
                FlushLocked(writer);
            }

            return sequence;
        }
    }

    /// <summary>Writes and fsyncs whatever is buffered, making it visible to readers.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (_writer is { } writer)
            {
                FlushLocked(writer);
            }
        }
    }

    /// <summary>Flushes and closes the writer: the journal is final.</summary>
    public long Close()
    {
        lock (_gate)
        {
            if (_writer is { } writer)
            {
                FlushLocked(writer);
                writer.Dispose();
                _writer = null;
                SignalLocked();
            }

            return _durable;
        }
    }

    /// <summary>Up to <paramref name="max"/> durable entries after sequence <paramref name="after"/>, in order.</summary>
    public IReadOnlyList<ScriptEvent> ReadAfter(long after, int max)
    {
        long from, to, end;
        lock (_gate)
        {
            after = Math.Clamp(after, 0, _durable);
            var last = Math.Min(_durable, after + max);
            if (last <= after)
            {
                return [];
            }

            from = _offsets[(int)after];
            to = last;
            end = last < _offsets.Count ? _offsets[(int)last] : _length;
        }

        var events = new List<ScriptEvent>((int)(to - after));
        using var reader = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        reader.Seek(from, SeekOrigin.Begin);
        var bytes = new byte[end - from];
        reader.ReadExactly(bytes);
        foreach (var line in ((ReadOnlySpan<byte>)bytes).Split((byte)'\n'))
        {
            var slice = bytes.AsSpan(line);
            if (!slice.IsEmpty)
            {
                events.Add(JsonSerializer.Deserialize(slice, TentacleAgentJsonContext.Default.ScriptEvent)!);
            }
        }

        return events;
    }

    public void Dispose() => Close();

    private void FlushLocked(FileStream writer)
    {
        if (_pending.Length == 0 && _offsets.Count == _durable)
        {
            return; // nothing written since the last fsync
        }

        if (_pending.Length > 0)
        {
            writer.Write(_pending.GetBuffer(), 0, (int)_pending.Length);
            _pending.SetLength(0);
        }

        writer.Flush(flushToDisk: true);
        var advanced = _offsets.Count > _durable;
        _durable = _offsets.Count;
        _pendingBytes = 0;
        if (advanced)
        {
            SignalLocked();
        }
    }

    /// <summary>Wakes whoever waits on <see cref="Advanced"/> (their continuations run elsewhere, not under the lock).</summary>
    private void SignalLocked()
    {
        var advanced = _advanced;
        _advanced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        advanced.TrySetResult();
    }
}
