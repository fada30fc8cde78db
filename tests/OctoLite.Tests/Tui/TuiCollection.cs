namespace OctoLite.Tests.Tui;

/// <summary>
/// Tests that drive a headless Terminal.Gui application. They run one at a time: Terminal.Gui keeps
/// process-wide settings, and the fixture sets an environment variable for the duration.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TuiCollection : ICollectionFixture<HeadlessTerminalFixture>
{
    public const string Name = "Tui";
}
