using OctoLite.Tui;

namespace OctoLite.Tests.Tui;

public sealed class ShellCommandParserTests
{
    [Theory]
    [InlineData(":q", nameof(ShellCommand.Quit))]
    [InlineData("q", nameof(ShellCommand.Quit))]
    [InlineData("  : quit  ", nameof(ShellCommand.Quit))]
    [InlineData("Q!", nameof(ShellCommand.Quit))]
    [InlineData("exit", nameof(ShellCommand.Quit))]
    [InlineData(":help", nameof(ShellCommand.Help))]
    [InlineData("h", nameof(ShellCommand.Help))]
    [InlineData("?", nameof(ShellCommand.Help))]
    public void TryParse_ReturnsTheCommand_ForAKnownWord(string text, string expected)
    {
        // Commands travel as names: the enum is internal and xunit theory methods are public.
        Assert.True(ShellCommandParser.TryParse(text, out var command));
        Assert.Equal(Enum.Parse<ShellCommand>(expected), command);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(":")]
    [InlineData("qq")]
    [InlineData("quit now")]
    [InlineData("::q")]
    public void TryParse_Fails_ForAnythingElse(string? text)
    {
        Assert.False(ShellCommandParser.TryParse(text, out _));
    }
}
