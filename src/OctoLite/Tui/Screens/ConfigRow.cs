using OctoLite.Cli.Config;

namespace OctoLite.Tui.Screens;

/// <summary>One setting on the configuration screen: a configuration key (as <c>octolite config</c> names it), or the default pool.</summary>
internal sealed record ConfigRow(string Name, string Value, string Help, ConfigKey? Key);
