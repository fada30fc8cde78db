using OctoLite.Scripting.ServiceMessages;

namespace OctoLite.Tests.Scripting.ServiceMessages;

public sealed class ServiceMessageParserTests
{
    [Fact]
    public void TryParse_DecodesAttributes_ForASetVariableLine()
    {
        var line = $"##octopus[setVariable name='{Base64.Of("Port")}' value='{Base64.Of("8080")}' sensitive='{Base64.Of("True")}']";

        Assert.True(ServiceMessageParser.TryParse(line, out var message, out var error));
        Assert.Null(error);
        Assert.Equal("setVariable", message.Name);
        Assert.Equal("Port", message.Attributes["name"]);
        Assert.Equal("8080", message.Attributes["value"]);
        Assert.Equal("True", message.Attributes["sensitive"]);
    }

    [Fact]
    public void TryParse_LooksUpAttributesIgnoringCase_ForAnyKey()
    {
        Assert.True(ServiceMessageParser.TryParse($"##octopus[mask Value='{Base64.Of("x")}']", out var message, out _));

        Assert.Equal("x", message.Attributes["VALUE"]);
        Assert.Equal("x", message.GetAttribute("value"));
        Assert.Null(message.GetAttribute("other"));
    }

    [Theory]
    [InlineData("##octopus[stdout-warning]", "stdout-warning")]
    [InlineData("##octopus[stdout-default]", "stdout-default")]
    [InlineData("##octopus[stdout-verbose]", "stdout-verbose")]
    [InlineData("##octopus[stdout-highlight]", "stdout-highlight")]
    [InlineData("##octopus[stdout-wait]", "stdout-wait")]
    [InlineData("##octopus[stdout-error]", "stdout-error")]
    [InlineData("   ##octopus[stdout-verbose]  \r", "stdout-verbose")]
    [InlineData("\t##octopus[ stdout-verbose ]", "stdout-verbose")]
    public void TryParse_ReturnsTheName_ForMessagesWithoutAttributes(string line, string name)
    {
        Assert.True(ServiceMessageParser.TryParse(line, out var message, out var error));
        Assert.Null(error);
        Assert.Equal(name, message.Name);
        Assert.Empty(message.Attributes);
    }

    [Fact]
    public void TryParse_AcceptsDoubleQuotesAndLooseSpacing_InAttributes()
    {
        var line = $"##octopus[progress   percentage = \"{Base64.Of("50")}\"\tmessage='{Base64.Of("half way")}' ]";

        Assert.True(ServiceMessageParser.TryParse(line, out var message, out _));
        Assert.Equal("50", message.Attributes["percentage"]);
        Assert.Equal("half way", message.Attributes["message"]);
    }

    [Fact]
    public void TryParse_DecodesUnicodeAndEmptyValues_AsUtf8()
    {
        var line = $"##octopus[setVariable name='{Base64.Of("Grüße 🚀")}' value='']";

        Assert.True(ServiceMessageParser.TryParse(line, out var message, out _));
        Assert.Equal("Grüße 🚀", message.Attributes["name"]);
        Assert.Equal("", message.Attributes["value"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello world")]
    [InlineData("##octopus")]
    [InlineData("##octopus is a label")]
    [InlineData("#octopus[stdout-verbose]")]
    [InlineData("##Octopus[stdout-verbose]")]
    [InlineData("+ echo '##octopus[stdout-verbose]'")]
    [InlineData("text before ##octopus[stdout-verbose]")]
    public void TryParse_ReportsPlainOutput_ForLinesThatAreNotServiceMessages(string line)
    {
        Assert.False(ServiceMessageParser.TryParse(line, out var message, out var error));
        Assert.Null(message);
        Assert.Null(error);
    }

    [Fact]
    public void TryParse_ReportsPlainOutput_ForNull()
    {
        Assert.False(ServiceMessageParser.TryParse(null, out var message, out var error));
        Assert.Null(message);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("##octopus[", "no name")]
    [InlineData("##octopus[]", "no name")]
    [InlineData("##octopus[  ]", "no name")]
    [InlineData("##octopus[9lives]", "cannot start with '9'")]
    [InlineData("##octopus[stdout-verbose", "closing ']' is missing")]
    [InlineData("##octopus[mask value='YWJj'", "closing ']' is missing")]
    [InlineData("##octopus[mask value='YWJj]", "not terminated")]
    [InlineData("##octopus[mask value=\"YWJj']", "not terminated")]
    [InlineData("##octopus[mask value]", "has no value")]
    [InlineData("##octopus[mask value=]", "must be in single or double quotes")]
    [InlineData("##octopus[mask value=YWJj]", "must be in single or double quotes")]
    [InlineData("##octopus[mask value='not base64!']", "not base64")]
    [InlineData("##octopus[mask value='YWJ']", "not base64")]
    [InlineData("##octopus[mask value='/w==']", "not base64 of UTF-8")]
    [InlineData("##octopus[mask value='YWJj'value='YWJj']", "expected whitespace or ']'")]
    [InlineData("##octopus[mask value='YWJj' VALUE='YWJj']", "appears more than once")]
    [InlineData("##octopus[mask =YWJj]", "expected an attribute name but found '='")]
    [InlineData("##octopus[stdout-verbose] trailing", "unexpected text after the closing ']'")]
    [InlineData("##octopus[stdout-verbose]]", "unexpected text after the closing ']'")]
    [InlineData("##octopus[set!Variable]", "expected whitespace or ']' but found '!'")]
    [InlineData("##octopus[mask\u0001]", "U+0001")]
    public void TryParse_ReturnsAnError_ForMalformedMessages(string line, string expected)
    {
        Assert.False(ServiceMessageParser.TryParse(line, out var message, out var error));
        Assert.Null(message);
        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_NamesTheMessageAndAttribute_InErrors()
    {
        ServiceMessageParser.TryParse("##octopus[setVariable name='%%%']", out _, out var error);

        Assert.Equal("setVariable: the value of attribute 'name' is not base64 of UTF-8 text", error);
    }

    [Fact]
    public void TryParse_ReadsUpToTheClosingQuote_WhenTheValueHoldsABracket()
    {
        // ']' is not in the base64 alphabet: inside quotes it is a decoding error, not the end of the message.
        Assert.False(ServiceMessageParser.TryParse("##octopus[mask value='ab]c']", out _, out var error));
        Assert.Contains("not base64", error, StringComparison.Ordinal);
    }
}
