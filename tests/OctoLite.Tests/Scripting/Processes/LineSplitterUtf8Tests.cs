using System.Text;
using OctoLite.Scripting.Processes;

namespace OctoLite.Tests.Scripting.Processes;

/// <summary>The splitter's UTF-8 output: the bytes read, whole lines in every chunking, always valid UTF-8.</summary>
public sealed class LineSplitterUtf8Tests
{
    [Fact]
    public void Append_HandsOnTheBytesRead_SplitAcrossReadsInEveryChunking()
    {
        var bytes = Encoding.UTF8.GetBytes("first line\r\nsecond ✓ line\n\nlast");

        for (var chunk = 1; chunk <= bytes.Length; chunk++)
            Assert.Equal(["first line", "second ✓ line", "", "last"], Split(bytes, chunk, maxLineBytes: 64));
    }

    [Fact]
    public void Append_KeepsMultiByteCharactersWhole_WhenSplitAcrossReads()
    {
        var line = "aé€😀z"; // 1, 2, 3 and 4 bytes
        var bytes = Encoding.UTF8.GetBytes(line + "\n");

        for (var chunk = 1; chunk <= bytes.Length; chunk++)
        {
            var lines = SplitBytes(bytes, chunk, maxLineBytes: 64);
            Assert.Equal([Encoding.UTF8.GetBytes(line)], lines);
        }
    }

    [Fact]
    public void Append_ReplacesInvalidUtf8_AsDecodingWould_InEveryChunking()
    {
        byte[] bytes = [(byte)'a', 0xFF, 0xE2, 0x82, (byte)'b', 0xC3, (byte)'\n', 0xED, 0xA0, 0x80, (byte)'\n'];
        var expected = Encoding.UTF8.GetString(bytes).Split('\n')[..2];

        for (var chunk = 1; chunk <= bytes.Length; chunk++)
        {
            var lines = SplitBytes(bytes, chunk, maxLineBytes: 64);
            Assert.All(lines, line => Assert.True(System.Text.Unicode.Utf8.IsValid(line)));
            Assert.Equal(expected, lines.Select(line => Encoding.UTF8.GetString(line)));
        }
    }

    [Fact]
    public void Append_CutsLongLines_OnCharacterBoundaries_InBytesToo()
    {
        var line = string.Concat(Enumerable.Repeat("aé€😀", 20));
        var pieces = SplitBytes(Encoding.UTF8.GetBytes(line), 3, maxLineBytes: 8);

        Assert.Equal(line, string.Concat(pieces.Select(p => Encoding.UTF8.GetString(p))));
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 8));
        Assert.All(pieces, p => Assert.True(System.Text.Unicode.Utf8.IsValid(p)));
    }

    private static List<string> Split(byte[] bytes, int chunk, int maxLineBytes) =>
        SplitBytes(bytes, chunk, maxLineBytes).Select(line => Encoding.UTF8.GetString(line)).ToList();

    private static List<byte[]> SplitBytes(byte[] bytes, int chunk, int maxLineBytes)
    {
        var lines = new List<byte[]>();
        var splitter = new LineSplitter(maxLineBytes, (Utf8LineHandler)(line => lines.Add(line.ToArray())));
        for (var i = 0; i < bytes.Length; i += chunk)
            splitter.Append(bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i)));
        splitter.Flush();
        return lines;
    }
}
