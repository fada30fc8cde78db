using OctoLite.Scripting.ServiceMessages;

namespace OctoLite.Tests.Scripting.ServiceMessages;

public sealed class ServiceMessageWriterTests
{
    [Fact]
    public void Format_WritesSingleQuotedBase64_InTheOrderGiven()
    {
        var line = ServiceMessageWriter.Format("setVariable", ("name", "Port"), ("value", "8080"));

        Assert.Equal($"##octopus[setVariable name='{Base64.Of("Port")}' value='{Base64.Of("8080")}']", line);
    }

    [Fact]
    public void Format_WritesTheBareName_WithoutAttributes()
    {
        Assert.Equal("##octopus[stdout-default]", ServiceMessageWriter.Format("stdout-default"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad name")]
    [InlineData("name]")]
    [InlineData("-leading")]
    public void Format_Throws_ForAnInvalidMessageName(string name)
    {
        Assert.Throws<ArgumentException>(() => ServiceMessageWriter.Format(name));
    }

    [Fact]
    public void Format_Throws_ForAnInvalidOrRepeatedAttributeName()
    {
        Assert.Throws<ArgumentException>(() => ServiceMessageWriter.Format("mask", ("va lue", "x")));
        Assert.Throws<ArgumentException>(() => ServiceMessageWriter.Format("mask", ("value", "x"), ("Value", "y")));
    }

    [Fact]
    public void FormatThenParse_ReturnsAnEqualMessage_ForRandomNamesAndValues()
    {
        var random = new Random(20240611);
        for (var i = 0; i < 2_000; i++)
        {
            var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var count = random.Next(0, 5);
            while (attributes.Count < count)
                attributes[RandomInputs.Name(random)] = RandomInputs.Text(random, random.Next(0, 40));
            var original = new ServiceMessage(RandomInputs.Name(random), attributes);

            var line = ServiceMessageWriter.Format(original);

            Assert.True(ServiceMessageParser.TryParse(line, out var parsed, out var error), $"{line}: {error}");
            Assert.Equal(original, parsed);
        }
    }

    [Fact]
    public void Equals_ComparesAttributeContents_NotDictionaryInstances()
    {
        var a = new ServiceMessage("mask", [new("value", "x")]);
        var b = new ServiceMessage("mask", [new("VALUE", "x")]);
        var c = new ServiceMessage("mask", [new("value", "y")]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void ToString_LeavesValuesOut_BecauseTheyMayBeSecrets()
    {
        var message = new ServiceMessage("setVariable", [new("name", "Password"), new("value", "hunter22")]);

        Assert.DoesNotContain("hunter22", message.ToString(), StringComparison.Ordinal);
        Assert.Contains("value", message.ToString(), StringComparison.Ordinal);
    }
}
