using OctoLite.Tui;
using Terminal.Gui.Input;

namespace OctoLite.Tests.Tui;

public sealed class ShellKeyMapTests
{
    public static TheoryData<Key, string> BoundKeys => new()
    {
        { Key.Q, nameof(ShellCommand.Quit) },
        { new Key('q'), nameof(ShellCommand.Quit) },
        { Key.Esc, nameof(ShellCommand.Back) },
        { new Key('/'), nameof(ShellCommand.Filter) },
        { Key.C.WithCtrl, nameof(ShellCommand.Quit) },
        { new Key('?'), nameof(ShellCommand.Help) },
        { new Key(':'), nameof(ShellCommand.OpenCommandLine) },
    };

    public static TheoryData<Key> UnboundKeys => new()
    {
        Key.C,
        Key.A,
        Key.Q.WithCtrl,
        Key.Q.WithAlt,
        Key.Enter,
        Key.Tab,
    };

    [Theory]
    [MemberData(nameof(BoundKeys))]
    public void Resolve_ReturnsTheCommand_ForABoundKey(Key key, string expected)
    {
        // Commands travel as names: the enum is internal and xunit theory methods are public.
        Assert.Equal(Enum.Parse<ShellCommand>(expected), ShellKeyMap.Resolve(key));
    }

    [Theory]
    [MemberData(nameof(UnboundKeys))]
    public void Resolve_ReturnsNull_ForAKeyThatIsNotOurs(Key key)
    {
        Assert.Null(ShellKeyMap.Resolve(key));
    }

    [Fact]
    public void Bindings_CoverEveryCommand_SoHelpAndStatusBarShowThemAll()
    {
        var bound = ShellKeyMap.Bindings.Select(b => b.Command).ToHashSet();

        Assert.Equal(Enum.GetValues<ShellCommand>().ToHashSet(), bound);
    }
}
