using OctoLite.Scripting.ServiceMessages;

namespace OctoLite.Tests.Scripting.ServiceMessages;

public sealed class CreateArtifactMessageTests
{
    [Fact]
    public void TryFrom_ReadsPathNameAndLength_ForWhatNewOctopusArtifactWrites()
    {
        var line = $"##octopus[createArtifact path='{Base64.Of("/work/out/report.html")}' name='{Base64.Of("report.html")}' length='{Base64.Of("   1024")}']";

        Assert.True(CreateArtifactMessage.TryFrom(SetVariableMessageTests.Parse(line), out var artifact, out var error));
        Assert.Null(error);
        Assert.Equal(new CreateArtifactMessage("/work/out/report.html", "report.html", 1024), artifact);
    }

    [Fact]
    public void TryFrom_NamesTheArtifactAfterTheFile_WhenTheNameIsMissing()
    {
        var message = new ServiceMessage("createArtifact", [new("path", "/tmp/logs/app.log")]);

        Assert.True(CreateArtifactMessage.TryFrom(message, out var artifact, out _));
        Assert.Equal("app.log", artifact.Name);
        Assert.Null(artifact.Length);
    }

    [Theory]
    [InlineData(null, "createArtifact needs a path")]
    [InlineData("  ", "createArtifact needs a path")]
    [InlineData("/", "createArtifact needs a name (the path has no file name)")]
    public void TryFrom_Fails_WithoutAUsablePath(string? path, string expected)
    {
        var message = new ServiceMessage("createArtifact", path is null ? [] : [new("path", path)]);

        Assert.False(CreateArtifactMessage.TryFrom(message, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("12kb")]
    [InlineData("1.5")]
    public void TryFrom_Fails_ForALengthThatIsNotAByteCount(string length)
    {
        var message = new ServiceMessage("createArtifact", [new("path", "/a"), new("length", length)]);

        Assert.False(CreateArtifactMessage.TryFrom(message, out _, out var error));
        Assert.Equal($"createArtifact length must be a whole number of bytes, not '{length}'", error);
    }

    [Fact]
    public void ToServiceMessage_RoundTrips_ThroughTheWriterAndParser()
    {
        var artifact = new CreateArtifactMessage("/work/a b/c.txt", "c.txt", 42);

        var line = ServiceMessageWriter.Format(artifact.ToServiceMessage());

        Assert.True(CreateArtifactMessage.TryFrom(SetVariableMessageTests.Parse(line), out var back, out _));
        Assert.Equal(artifact, back);
    }
}
