using System.Text;
using OctoLite.Scripting.Processes;

namespace OctoLite.Tests.Scripting.Processes;

public sealed class LineSplitterTests
{
    [Theory]
    [InlineData("a\nb\n", new[] { "a", "b" })]
    [InlineData("a\r\nb\r\n", new[] { "a", "b" })]
    [InlineData("a\n\nb", new[] { "a", "", "b" })]
    [InlineData("last line without newline", new[] { "last line without newline" })]
    [InlineData("cr\rin the middle\n", new[] { "cr\rin the middle" })]
    [InlineData("", new string[0])]
    public void Append_SplitsOnNewlines_InEveryChunking(string input, string[] expected)
    {
        var bytes = Encoding.UTF8.GetBytes(input);
        for (var chunk = 1; chunk <= Math.Max(1, bytes.Length); chunk++)
            Assert.Equal(expected, Split(bytes, chunk, maxLineBytes: 64));
    }

    [Fact]
    public void Append_CutsLongLines_AtTheLimit()
    {
        var line = new string('x', 25);

        Assert.Equal(["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx", "next"], Split(Encoding.UTF8.GetBytes(line + "\nnext"), 7, maxLineBytes: 10));
    }

    [Fact]
    public void Append_DoesNotCut_ALineOfExactlyTheLimitEndingInCrLf()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('x', 10) + "\r\n");

        for (var chunk = 1; chunk <= bytes.Length; chunk++)
            Assert.Equal([new string('x', 10)], Split(bytes, chunk, maxLineBytes: 10));
    }

    [Fact]
    public void Append_KeepsMultiByteCharactersWhole_WhenCuttingLongLines()
    {
        var line = string.Concat(Enumerable.Repeat("aé€😀", 20)); // 1, 2, 3 and 4 bytes
        var pieces = Split(Encoding.UTF8.GetBytes(line), 5, maxLineBytes: 8);

        Assert.Equal(line, string.Concat(pieces));
        Assert.All(pieces, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, 8));
        Assert.DoesNotContain(pieces, p => p.Contains('\uFFFD'));
    }

    [Fact]
    public void Append_ReplacesInvalidUtf8_WithReplacementCharacters()
    {
        Assert.Equal(["a\uFFFD\uFFFDb"], Split([(byte)'a', 0xFF, 0xFE, (byte)'b', (byte)'\n'], 2, maxLineBytes: 64));
    }

    private static List<string> Split(byte[] bytes, int chunk, int maxLineBytes)
    {
        var lines = new List<string>();
        var splitter = new LineSplitter(maxLineBytes, lines.Add);
        for (var i = 0; i < bytes.Length; i += chunk)
            splitter.Append(bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i)));
        splitter.Flush();
        return lines;
    }
}
