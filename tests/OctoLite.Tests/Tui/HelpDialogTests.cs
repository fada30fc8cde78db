using OctoLite.Tui;

namespace OctoLite.Tests.Tui;

public sealed class HelpDialogTests
{
    [Fact]
    public void Describe_ListsEachShellBindingOnItsOwnLine_Aligned_ThenTheCommands()
    {
        var lines = HelpDialog.Describe(null, readOnly: false).Split('\n');

        var width = ShellKeyMap.Bindings.Max(b => b.Keys.Length) + 3;
        foreach (var binding in ShellKeyMap.Bindings)
            Assert.Contains(binding.Keys.PadRight(width) + binding.Description, lines);
        Assert.StartsWith("Commands: :", lines[^1]);
        Assert.Contains(":pools", lines[^1]);
        Assert.EndsWith(":q", lines[^1]);
    }
}
