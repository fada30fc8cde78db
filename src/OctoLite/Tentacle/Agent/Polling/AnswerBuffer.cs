namespace OctoLite.Tentacle.Agent.Polling;

/// <summary>
/// Where a polled call's answer body is written: in memory up to <see cref="MemoryLimit"/>, then in a private file
/// that is deleted when the buffer is disposed. It can be read from the start as often as needed, so an answer
/// whose post was cut off is sent again whole.
/// </summary>
internal sealed class AnswerBuffer(string spillFolder) : Stream
{
    /// <summary>Bytes kept in memory before the body moves to a file.</summary>
    public const int MemoryLimit = 64 * 1024;

    private MemoryStream? _memory = new();
    private FileStream? _file;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _file?.Length ?? _memory!.Length;
    public override long Position { get => Length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => Target(buffer.Length).Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        Target(buffer.Length).WriteAsync(buffer, cancellationToken);

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A fresh read of the whole body, from its first byte; dispose it when sent.</summary>
    public Stream OpenRead()
    {
        if (_file is { } file)
        {
            file.Flush();
            return new FileStream(file.Name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }

        return new MemoryStream(_memory!.GetBuffer(), 0, (int)_memory.Length, writable: false);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file?.Dispose();
            _memory?.Dispose();
        }

        base.Dispose(disposing);
    }

    private Stream Target(int adding)
    {
        if (_file is { } file)
        {
            return file;
        }

        if (_memory!.Length + adding <= MemoryLimit)
        {
            return _memory;
        }

        Directory.CreateDirectory(spillFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _file = new FileStream(Path.Combine(spillFolder, Guid.NewGuid().ToString("N")), new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Options = FileOptions.DeleteOnClose,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        _memory.Position = 0;
        _memory.CopyTo(_file);
        _memory.Dispose();
        _memory = null;
        return _file;
    }
}
