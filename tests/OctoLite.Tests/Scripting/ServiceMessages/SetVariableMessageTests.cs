using OctoLite.Scripting.ServiceMessages;

namespace OctoLite.Tests.Scripting.ServiceMessages;

public sealed class SetVariableMessageTests
{
    [Fact]
    public void TryFrom_ReadsNameValueAndSensitivity_ForWhatSetOctopusVariableWrites()
    {
        var message = Parse($"##octopus[setVariable name='{Base64.Of("DbPassword")}' value='{Base64.Of("s3cret!")}' sensitive='{Base64.Of("True")}']");

        Assert.True(SetVariableMessage.TryFrom(message, out var variable, out var error));
        Assert.Null(error);
        Assert.Equal(new SetVariableMessage("DbPassword", "s3cret!", true), variable);
    }

    [Fact]
    public void TryFrom_ReadsAnEmptyValue_WhenTheValueIsLeftOut()
    {
        // set_octopusvariable in bash omits value='' for an empty value.
        Assert.True(SetVariableMessage.TryFrom(Parse($"##octopus[setVariable name='{Base64.Of("Empty")}']"), out var variable, out _));

        Assert.Equal("", variable.Value);
        Assert.False(variable.IsSensitive);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("False", false)]
    [InlineData("false", false)]
    [InlineData("True", true)]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    public void TryFrom_FailsSafe_ForTheSensitiveFlag(string? sensitive, bool expected)
    {
        var attributes = new Dictionary<string, string> { ["name"] = "X", ["value"] = "v" };
        if (sensitive is not null)
            attributes["sensitive"] = sensitive;

        Assert.True(SetVariableMessage.TryFrom(new ServiceMessage("setVariable", attributes), out var variable, out _));
        Assert.Equal(expected, variable.IsSensitive);
    }

    [Theory]
    [InlineData("##octopus[setVariable]")]
    [InlineData("##octopus[setVariable value='dg==']")]
    [InlineData("##octopus[setVariable name='ICA=' value='dg==']")]
    public void TryFrom_SaysItNeedsAName_WhenTheNameIsMissingOrBlank(string line)
    {
        Assert.False(SetVariableMessage.TryFrom(Parse(line), out var variable, out var error));
        Assert.Null(variable);
        Assert.Equal("setVariable needs a name", error);
    }

    [Fact]
    public void TryFrom_Fails_ForAnotherMessage()
    {
        Assert.False(SetVariableMessage.TryFrom(Parse("##octopus[stdout-default]"), out _, out var error));
        Assert.Equal("expected a setVariable message, not stdout-default", error);
    }

    [Fact]
    public void ToServiceMessage_RoundTrips_ThroughTheWriterAndParser()
    {
        var variable = new SetVariableMessage("Octopus.Action[Step 1].Output.X", "ünï 'quoted'", true);

        var line = ServiceMessageWriter.Format(variable.ToServiceMessage());

        Assert.True(SetVariableMessage.TryFrom(Parse(line), out var back, out _));
        Assert.Equal(variable, back);
    }

    [Fact]
    public void ToString_HidesTheValue_OfASensitiveVariable()
    {
        Assert.DoesNotContain("hunter22", new SetVariableMessage("P", "hunter22", true).ToString(), StringComparison.Ordinal);
        Assert.Contains("plain", new SetVariableMessage("P", "plain", false).ToString(), StringComparison.Ordinal);
    }

    internal static ServiceMessage Parse(string line)
    {
        Assert.True(ServiceMessageParser.TryParse(line, out var message, out var error), error);
        return message;
    }
}
