using System.Text;
using LiteDB;
using OctoLite.Domain;
using OctoLite.Server.Tasks;
using OctoLite.Storage;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Storage;

/// <summary>Log chunks packed as UTF-8 in pooled pieces: every line back as written, and chunks of the older form still read.</summary>
public sealed class TaskLogChunksUtf8Tests : IDisposable
{
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Chunk_RoundTripsLines_SpanningManyPieces_WithCharactersCutAtPieceBoundaries()
    {
        // Lines of 1- to 4-byte characters whose lengths do not divide the piece size: characters and per-line
        // data straddle the pieces' boundaries.
        var texts = Enumerable.Range(1, 3000).Select(i => i % 100 == 0 ? "" : $"{i} " + string.Concat(Enumerable.Repeat("aé€😀", i % 17))).ToList();
        var chunk = new LogChunkBuilder(1);
        for (var i = 0; i < texts.Count; i++)
        {
            if (i % 2 == 0)
                chunk.AddUtf8(Time.AddMilliseconds(i), (TaskLogLevel)(i % 7), $"Steps-{i % 3}", Encoding.UTF8.GetBytes(texts[i]));
            else
                chunk.Add(Time.AddMilliseconds(i), (TaskLogLevel)(i % 7), $"Steps-{i % 3}", texts[i]);
        }

        Assert.True(chunk.TextBytes > 2 * PooledSegments.SegmentBytes);
        using var database = new LiteDatabase(_directory.Combine("log.db"));
        var chunks = new TaskLogChunks(database);
        chunks.Append("ServerTasks-1", chunk);
        chunk.Release();

        var read = chunks.ReadAfter("ServerTasks-1", 0, 10_000);
        Assert.Equal(texts, read.Select(l => l.Text));
        Assert.Equal(Enumerable.Range(1, 3000).Select(i => (long)i), read.Select(l => l.Sequence));
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => ((TaskLogLevel)(i % 7), $"Steps-{i % 3}", Time.AddMilliseconds(i))), read.Select(l => (l.Level, l.Block, l.Time)));
        Assert.Equal(texts[2500..2510], chunks.ReadAfter("ServerTasks-1", 2500, 10).Select(l => l.Text));
    }

    [Fact]
    public void Chunk_StoresALoneSurrogate_AsTheReplacementCharacter_AsAStringWasStored()
    {
        var chunk = new LogChunkBuilder(1);
        chunk.Add(Time, TaskLogLevel.Info, "", "bad \uD800 half");
        using var database = new LiteDatabase(_directory.Combine("log.db"));
        var chunks = new TaskLogChunks(database);
        chunks.Append("ServerTasks-1", chunk);

        Assert.Equal("bad \uFFFD half", Assert.Single(chunks.ReadAfter("ServerTasks-1", 0, 10)).Text);
    }

    [Fact]
    public void ReadAfter_ReadsChunksOfTheOlderForm_TextAsOneStringAndMetaAsOneBinary()
    {
        using var database = new LiteDatabase(_directory.Combine("log.db"));
        var meta = new byte[2 * LogChunkBuilder.MetaBytes];
        BitConverter.TryWriteBytes(meta.AsSpan(0, 8), Time.ToUnixTimeMilliseconds());
        meta[8] = (byte)TaskLogLevel.Warning;
        BitConverter.TryWriteBytes(meta.AsSpan(11, 8), Time.ToUnixTimeMilliseconds() + 1);
        meta[19] = (byte)TaskLogLevel.Info;
        meta[20] = 1;
        database.GetCollection("tasklogs").Insert(new BsonDocument
        {
            ["_id"] = "ServerTasks-1/000000000002",
            ["First"] = 1L,
            ["Count"] = 2,
            ["Text"] = "old ✓\nsecond",
            ["Meta"] = meta,
            ["Blocks"] = new BsonArray(new BsonValue(""), new BsonValue("Steps-1")),
        });
        var chunks = new TaskLogChunks(database);
        var next = new LogChunkBuilder(3);
        next.AddUtf8(Time, TaskLogLevel.Error, "Steps-2", "new ✓"u8);
        chunks.Append("ServerTasks-1", next);

        var read = chunks.ReadAfter("ServerTasks-1", 0, 10);

        Assert.Equal(
            [(1L, TaskLogLevel.Warning, "", "old ✓", Time), (2L, TaskLogLevel.Info, "Steps-1", "second", Time.AddMilliseconds(1)), (3L, TaskLogLevel.Error, "Steps-2", "new ✓", Time)],
            read.Select(l => (l.Sequence, l.Level, l.Block, l.Text, l.Time)));
        Assert.Equal(3, chunks.LastSequence("ServerTasks-1"));
    }

    [Fact]
    public void PooledSegments_HoldsBytesAcrossSegments_AndJoinsThemBack()
    {
        var segments = new PooledSegments();
        var bytes = Enumerable.Range(0, 3 * PooledSegments.SegmentBytes + 123).Select(i => (byte)(i * 7)).ToArray();
        segments.Append(bytes.AsSpan(0, 10));
        segments.Append(bytes[10]);
        segments.Append(bytes.AsSpan(11));

        var arrays = segments.ToArrays();

        Assert.Equal(bytes.Length, segments.Length);
        Assert.Equal([PooledSegments.SegmentBytes, PooledSegments.SegmentBytes, PooledSegments.SegmentBytes, 123], arrays.Select(a => a.Length));
        Assert.Equal(bytes, PooledSegments.Join(arrays));
        segments.Release();
        Assert.Equal(0, segments.Length);
        Assert.Empty(segments.ToArrays());
    }

    [Fact]
    public async Task WriteUtf8_StoresWhatWriteStores_ForTheSameText()
    {
        string[] texts = ["plain ✓", "", "with\rcarriage return", "two\r\nlines", "form\ffeed", "next\u0085line"];
        byte[][] invalid = [[(byte)'a', 0xFF, 0xC3, (byte)'b']];
        using var store = OctoStore.Open(_directory.Combine("octolite.db"));
        await using (var log = new TaskLogWriter(store, new TaskSignals(), TimeProvider.System, "ServerTasks-1", 0))
        {
            foreach (var text in texts)
                log.WriteUtf8(TaskLogLevel.Info, "Steps-1", Encoding.UTF8.GetBytes(text));
            foreach (var bytes in invalid)
                log.WriteUtf8(TaskLogLevel.Info, "Steps-1", bytes);
            Assert.False(log.HasWarningsOrErrors);
            log.WriteUtf8(TaskLogLevel.Warning, "Steps-1", "careful"u8);
            Assert.True(log.HasWarningsOrErrors);
        }

        await using (var log = new TaskLogWriter(store, new TaskSignals(), TimeProvider.System, "ServerTasks-2", 0))
        {
            foreach (var text in texts)
                log.Write(TaskLogLevel.Info, "Steps-1", text);
            foreach (var bytes in invalid)
                log.Write(TaskLogLevel.Info, "Steps-1", Encoding.UTF8.GetString(bytes));
            log.Write(TaskLogLevel.Warning, "Steps-1", "careful");
        }

        var utf8 = store.Read(s => s.TaskLog.ReadAfter("ServerTasks-1", 0, 100));
        var strings = store.Read(s => s.TaskLog.ReadAfter("ServerTasks-2", 0, 100));
        Assert.Equal(strings.Select(l => (l.Sequence, l.Level, l.Block, l.Text)), utf8.Select(l => (l.Sequence, l.Level, l.Block, l.Text)));
        Assert.Contains(utf8, l => l.Text == "a\uFFFD\uFFFDb");
        Assert.Contains(utf8, l => l.Text == "with");
    }

    [Fact]
    public async Task Writer_StoresEveryLineOfAFlood_InOrder_AcrossManyBatches()
    {
        using var store = OctoStore.Open(_directory.Combine("octolite.db"));
        const int lines = 50_000;
        await using (var log = new TaskLogWriter(store, new TaskSignals(), TimeProvider.System, "ServerTasks-1", 0))
        {
            for (var i = 1; i <= lines; i++)
                log.WriteUtf8(TaskLogLevel.Info, "Steps-1", Encoding.UTF8.GetBytes($"line {i} ✓ {new string('x', i % 300)}"));
        }

        var stored = store.Read(s => s.TaskLog.ReadAfter("ServerTasks-1", 0, lines + 1));
        Assert.Equal(lines, stored.Count);
        Assert.All(stored, l => Assert.Equal($"line {l.Sequence} ✓ {new string('x', (int)(l.Sequence % 300))}", l.Text));
    }

    public void Dispose() => _directory.Dispose();
}
