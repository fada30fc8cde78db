using OctoLite.Tui;

namespace OctoLite.Tests.Tui;

public sealed class HelpDialogTests
{
    [Fact]
    public void Describe_ListsEachBindingOnItsOwnLine_WithDescriptionsAligned()
    {
        ShellBinding[] bindings =
        [
            new("q, Esc", "q", "Quit", "Leave", ShellCommand.Quit),
            new("?", "?", "Help", "Show keys", ShellCommand.Help),
        ];

        var text = HelpDialog.Describe(bindings);

        Assert.Equal("q, Esc   Leave\n?        Show keys", text);
    }
}
