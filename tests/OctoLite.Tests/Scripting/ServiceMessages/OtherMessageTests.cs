using OctoLite.Scripting.ServiceMessages;

namespace OctoLite.Tests.Scripting.ServiceMessages;

public sealed class OtherMessageTests
{
    [Fact]
    public void ProgressTryFrom_ReadsPercentageAndMessage_ForWhatUpdateProgressWrites()
    {
        var line = $"##octopus[progress percentage='{Base64.Of("40")}' message='{Base64.Of("Copying files")}']";

        Assert.True(ProgressMessage.TryFrom(SetVariableMessageTests.Parse(line), out var progress, out _));
        Assert.Equal(new ProgressMessage(40, "Copying files"), progress);
    }

    [Theory]
    [InlineData(null, "progress needs a percentage")]
    [InlineData("101", "progress percentage must be a whole number from 0 to 100, not '101'")]
    [InlineData("-1", "progress percentage must be a whole number from 0 to 100, not '-1'")]
    [InlineData("half", "progress percentage must be a whole number from 0 to 100, not 'half'")]
    public void ProgressTryFrom_Fails_ForAMissingOrInvalidPercentage(string? percentage, string expected)
    {
        var message = new ServiceMessage("progress", percentage is null ? [] : [new("percentage", percentage)]);

        Assert.False(ProgressMessage.TryFrom(message, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void MaskTryFrom_ReadsTheValue_AndFailsWithoutOne()
    {
        Assert.True(MaskMessage.TryFrom(SetVariableMessageTests.Parse($"##octopus[mask value='{Base64.Of("k3y")}']"), out var mask, out _));
        Assert.Equal("k3y", mask.Value);

        Assert.False(MaskMessage.TryFrom(SetVariableMessageTests.Parse("##octopus[mask value='']"), out _, out var error));
        Assert.Equal("mask needs a value", error);
    }

    [Fact]
    public void ResultMessageTryFrom_ReadsTheReason_ForWhatFailStepWrites()
    {
        var line = $"##octopus[resultMessage message='{Base64.Of("Database is unreachable")}']";

        Assert.True(ResultMessage.TryFrom(SetVariableMessageTests.Parse(line), out var result, out _));
        Assert.Equal("Database is unreachable", result.Message);

        Assert.False(ResultMessage.TryFrom(new ServiceMessage("resultMessage"), out _, out var error));
        Assert.Equal("resultMessage needs a message", error);
    }

    [Fact]
    public void TypedViews_RoundTrip_ThroughTheWriterAndParser()
    {
        var progress = new ProgressMessage(100, "done");
        var mask = new MaskMessage("p@ss word");
        var result = new ResultMessage("broken 'badly'");

        Assert.True(ProgressMessage.TryFrom(Reparse(progress.ToServiceMessage()), out var progressBack, out _));
        Assert.True(MaskMessage.TryFrom(Reparse(mask.ToServiceMessage()), out var maskBack, out _));
        Assert.True(ResultMessage.TryFrom(Reparse(result.ToServiceMessage()), out var resultBack, out _));
        Assert.Equal(progress, progressBack);
        Assert.Equal(mask, maskBack);
        Assert.Equal(result, resultBack);
    }

    [Theory]
    [InlineData("stdout-default", nameof(StdoutMode.Default))]
    [InlineData("stdout-verbose", nameof(StdoutMode.Verbose))]
    [InlineData("stdout-highlight", nameof(StdoutMode.Highlight))]
    [InlineData("stdout-wait", nameof(StdoutMode.Wait))]
    [InlineData("stdout-warning", nameof(StdoutMode.Warning))]
    [InlineData("stdout-error", nameof(StdoutMode.Error))]
    [InlineData("stdout-ignore", nameof(StdoutMode.Ignore))]
    public void TryGetStdoutMode_MapsEachName_AndNameOfMapsBack(string name, string mode)
    {
        Assert.True(OutputModeMessage.TryGetStdoutMode(new ServiceMessage(name), out var actual));
        Assert.Equal(Enum.Parse<StdoutMode>(mode), actual);
        Assert.Equal(name, OutputModeMessage.NameOf(actual));
        Assert.False(OutputModeMessage.TryGetStderrMode(new ServiceMessage(name), out _));
    }

    [Theory]
    [InlineData("stderr-default", nameof(StderrMode.Error))]
    [InlineData("stderr-error", nameof(StderrMode.Error))]
    [InlineData("stderr-progress", nameof(StderrMode.Progress))]
    [InlineData("stderr-ignore", nameof(StderrMode.Ignore))]
    public void TryGetStderrMode_MapsEachName(string name, string mode)
    {
        Assert.True(OutputModeMessage.TryGetStderrMode(new ServiceMessage(name), out var actual));
        Assert.Equal(Enum.Parse<StderrMode>(mode), actual);
        Assert.False(OutputModeMessage.TryGetStdoutMode(new ServiceMessage(name), out _));
    }

    [Fact]
    public void TryGetStdoutMode_IsCaseSensitive_LikeCalamari()
    {
        Assert.False(OutputModeMessage.TryGetStdoutMode(new ServiceMessage("Stdout-Verbose"), out _));
    }

    private static ServiceMessage Reparse(ServiceMessage message) =>
        SetVariableMessageTests.Parse(ServiceMessageWriter.Format(message));
}
