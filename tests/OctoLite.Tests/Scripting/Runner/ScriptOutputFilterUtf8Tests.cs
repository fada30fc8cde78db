using System.Text;
using OctoLite.Domain;
using OctoLite.Scripting.Masking;
using OctoLite.Scripting.Processes;
using OctoLite.Scripting.Runner;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Scripting.Runner;

/// <summary>
/// Lines taken as UTF-8 (<see cref="ScriptOutputFilter.AcceptUtf8"/>): passed on as bytes when they are plain text,
/// and otherwise treated exactly as the same line taken as a string.
/// </summary>
public sealed class ScriptOutputFilterUtf8Tests : IDisposable
{
    private readonly TempDirectory folder = new();

    [Fact]
    public void AcceptUtf8_PassesPlainLinesOnAsBytes()
    {
        var (filter, output) = Filter(new SecretMasker());
        using (filter)
        {
            filter.AcceptUtf8(OutputStream.StdOut, "plain ✓ text"u8);
            filter.AcceptUtf8(OutputStream.StdErr, "an error"u8);
        }

        Assert.Equal([(TaskLogLevel.Info, "plain ✓ text"), (TaskLogLevel.Error, "an error")], output.Lines);
        Assert.Equal(2, output.Utf8Lines);
        Assert.Equal(1, filter.ErrorLines);
    }

    [Fact]
    public void AcceptUtf8_MasksSecretsAndTheirEncodings_BeforeTheyReachTheSink()
    {
        var masker = new SecretMasker();
        masker.Add("hunter22 pass");
        var (filter, output) = Filter(masker);
        using (filter)
        {
            filter.AcceptUtf8(OutputStream.StdOut, "pw=hunter22 pass."u8);
            filter.AcceptUtf8(OutputStream.StdOut, Encoding.UTF8.GetBytes("b64=" + Convert.ToBase64String(Encoding.UTF8.GetBytes("hunter22 pass"))));
            filter.AcceptUtf8(OutputStream.StdOut, "url=hunter22%20pass"u8);
            filter.AcceptUtf8(OutputStream.StdErr, "err hunter22 pass"u8);
            filter.AcceptUtf8(OutputStream.StdOut, "nothing here"u8);
        }

        Assert.Equal(
            [(TaskLogLevel.Info, "pw=********."), (TaskLogLevel.Info, "b64=********=="), (TaskLogLevel.Info, "url=********"),
             (TaskLogLevel.Error, "err ********"), (TaskLogLevel.Info, "nothing here")],
            output.Lines);
        Assert.Equal(1, output.Utf8Lines);
    }

    [Fact]
    public void AcceptUtf8_MasksASecretAddedByAnEarlierLine()
    {
        var (filter, output) = Filter(new SecretMasker());
        using (filter)
        {
            filter.AcceptUtf8(OutputStream.StdOut, "##octopus[mask value='czNjcjN0LXZhbHVl']"u8); // s3cr3t-value
            filter.AcceptUtf8(OutputStream.StdOut, "the value is s3cr3t-value"u8);
        }

        Assert.Equal([(TaskLogLevel.Info, "the value is ********")], output.Lines);
    }

    [Theory]
    [InlineData("##octopus[stdout-error]")]
    [InlineData("   ##octopus[stdout-error]")]
    [InlineData("\t##octopus[stdout-error]")]
    [InlineData("\u00A0##octopus[stdout-error]")] // no-break space: string.TrimStart skips it too
    [InlineData("\u3000 ##octopus[stdout-error]")] // ideographic space
    public void AcceptUtf8_ActsOnServiceMessages_AtTheStartOfALineAfterWhitespace(string message)
    {
        var (filter, output) = Filter(new SecretMasker());
        using (filter)
        {
            filter.AcceptUtf8(OutputStream.StdOut, Encoding.UTF8.GetBytes(message));
            filter.AcceptUtf8(OutputStream.StdOut, "after"u8);
        }

        Assert.Equal([(TaskLogLevel.Error, "after")], output.Lines);
    }

    [Theory]
    [InlineData("text ##octopus[stdout-error]")]
    [InlineData("é##octopus[stdout-error]")]
    [InlineData("\u200B##octopus[stdout-error]")] // zero-width space is not whitespace
    [InlineData("#octopus[stdout-error]")]
    public void AcceptUtf8_LogsAServiceMessageAsText_WhenItIsNotAtTheStartOfTheLine(string line)
    {
        var (filter, output) = Filter(new SecretMasker());
        using (filter)
        {
            filter.AcceptUtf8(OutputStream.StdOut, Encoding.UTF8.GetBytes(line));
            filter.AcceptUtf8(OutputStream.StdOut, "after"u8);
        }

        Assert.Equal([(TaskLogLevel.Info, line), (TaskLogLevel.Info, "after")], output.Lines);
    }

    [Fact]
    public void AcceptUtf8_HearsTheSameAsAccept_ForRandomLines()
    {
        var random = new Random(20261129);
        var pieces = new[]
        {
            "##octopus[", " ", "\u00A0", "\t", "\r", "abc", "s3cret-one", "czNjcmV0LW9uZQ", "é", "😀", "'", "]",
            "stdout-error]", "stderr-progress]", "stdout-ignore]", "stdout-default]", "mask value='dG9wLXNlY3JldA=='", "top-secret",
            "setVariable name='TmFtZQ==' value='dG9wLXNlY3JldA=='", "progress percentage='NTA=' message='aGFsZg=='",
        };
        var lines = new List<(OutputStream Stream, byte[] Bytes)>();
        for (var i = 0; i < 3000; i++)
        {
            var bytes = new List<byte>();
            for (var n = random.Next(0, 6); n > 0; n--)
                bytes.AddRange(random.Next(8) == 0 ? [(byte)random.Next(0x80, 0x100)] : Encoding.UTF8.GetBytes(pieces[random.Next(pieces.Length)]));
            lines.Add((random.Next(4) == 0 ? OutputStream.StdErr : OutputStream.StdOut, bytes.ToArray()));
        }

        var asText = Run(lines, (filter, stream, bytes) => filter.Accept(new OutputLine(stream, LineSplitter.Decode(bytes), DateTimeOffset.UnixEpoch)));
        var asUtf8 = Run(lines, (filter, stream, bytes) =>
        {
            // As the splitter hands them on: valid UTF-8, invalid bytes replaced.
            filter.AcceptUtf8(stream, Encoding.UTF8.GetBytes(LineSplitter.Decode(bytes)));
        });

        Assert.Equal(asText.Output.Lines, asUtf8.Output.Lines);
        Assert.Equal(asText.Output.ProgressReports, asUtf8.Output.ProgressReports);
        Assert.Equal(asText.Output.OutputVariables, asUtf8.Output.OutputVariables);
        Assert.Equal(asText.ErrorLines, asUtf8.ErrorLines);
        Assert.Equal(0, asText.Output.Utf8Lines);
        Assert.InRange(asUtf8.Output.Utf8Lines, 1, asUtf8.Output.Lines.Count);
        Assert.DoesNotContain(asUtf8.Output.Texts, text => text.Contains("s3cret-one", StringComparison.Ordinal));
    }

    public void Dispose() => folder.Dispose();

    private (StepOutputRecorder Output, int ErrorLines) Run(List<(OutputStream Stream, byte[] Bytes)> lines, Action<ScriptOutputFilter, OutputStream, byte[]> accept)
    {
        var masker = new SecretMasker();
        masker.Add("s3cret-one");
        var (filter, output) = Filter(masker);
        using (filter)
        {
            foreach (var (stream, bytes) in lines)
                accept(filter, stream, bytes);
            Assert.Null(filter.SinkFailure);
            return (output, filter.ErrorLines);
        }
    }

    private (ScriptOutputFilter Filter, StepOutputRecorder Output) Filter(SecretMasker masker)
    {
        var output = new StepOutputRecorder();
        return (new ScriptOutputFilter(output, masker, new ArtifactRequests(folder.Path)), output);
    }
}
