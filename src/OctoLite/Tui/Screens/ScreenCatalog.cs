namespace OctoLite.Tui.Screens;

/// <summary>The screens a <c>:</c> command can open, with their aliases.</summary>
internal static class ScreenCatalog
{
    public static IReadOnlyList<ScreenEntry> Entries { get; } =
    [
        new("dashboard", ["dash", "home", "d"], "The queue, the workers by health, the built-in worker", (c, _) => new DashboardScreen(c)),
        new("pools", ["workerpools", "pool", "wp"], "Worker pools", (c, _) => new PoolsScreen(c)),
        new("workers", ["w", "worker"], "Workers (:workers POOL for one pool's)", (c, pool) => new WorkersScreen(c, pool)),
        new("tasks", ["t", "task"], "Tasks; with an id (:task ID), one task and its live log", (c, a) => a.Trim().Length == 0 ? new TasksScreen(c) : new TaskScreen(c, a)),
        new("projects", ["project", "runbooks", "runbook", "rb"], "Projects and runbooks: run a runbook, deploy a release", (c, _) => new ProjectsScreen(c)),
        new("policies", ["policy"], "Machine policies", (c, _) => new PoliciesScreen(c)),
        new("config", ["configuration", "settings"], "Server settings: task cap, built-in worker, default pool", (c, _) => new ConfigScreen(c)),
        new("audit", ["events", "log"], "The audit trail: who changed what", (c, _) => new AuditScreen(c)),
    ];

    /// <summary>The screen called <paramref name="name"/> or one of its aliases (any case), or null.</summary>
    public static ScreenEntry? Find(string name) =>
        Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)
            || e.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)));
}

/// <summary>One screen in the catalog: its <c>:</c> name, aliases, what it shows, and how to build it.</summary>
/// <param name="Create">Builds the screen; the argument (e.g. the id in <c>:task ID</c>) is the second parameter, "" when none.</param>
internal sealed record ScreenEntry(string Name, IReadOnlyList<string> Aliases, string Description, Func<ScreenContext, string, Screen> Create);
