namespace OctoLite.Tui.Screens;

/// <summary>The screens a <c>:</c> command can open, with their aliases.</summary>
internal static class ScreenCatalog
{
    public static IReadOnlyList<ScreenEntry> Entries { get; } =
    [
        new("pools", ["workerpools", "pool", "wp"], "Worker pools", (c, _) => new PoolsScreen(c)),
        new("workers", ["w", "worker"], "Workers (:workers POOL for one pool's)", (c, pool) => new WorkersScreen(c, pool)),
        new("policies", ["policy"], "Machine policies", (c, _) => new PoliciesScreen(c)),
    ];

    /// <summary>The screen called <paramref name="name"/> or one of its aliases (any case), or null.</summary>
    public static ScreenEntry? Find(string name) =>
        Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)
            || e.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)));
}

/// <summary>One screen in the catalog: its <c>:</c> name, aliases, what it shows, and how to build it.</summary>
/// <param name="Create">Builds the screen; the argument (e.g. the id in <c>:task ID</c>) is the second parameter, "" when none.</param>
internal sealed record ScreenEntry(string Name, IReadOnlyList<string> Aliases, string Description, Func<ScreenContext, string, Screen> Create);
