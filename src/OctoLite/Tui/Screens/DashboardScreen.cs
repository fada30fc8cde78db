using System.Globalization;
using OctoLite.Domain;
using OctoLite.Tui.Widgets;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OctoLite.Tui.Screens;

/// <summary>
/// The first screen: the task queue against the cap, the workers by health, the built-in worker's state, and the
/// tasks not yet finished (Enter opens one).
/// </summary>
internal sealed class DashboardScreen : Screen
{
    private readonly Label _tasks;
    private readonly Label _workers;
    private readonly Label _builtIn;
    private readonly Label _pools;
    private readonly ResourceTable<ServerTask> _active;
    private readonly Label _heading;

    public DashboardScreen(ScreenContext context) : base(context)
    {
        var symbols = context.Symbols;
        _tasks = Line(0, "Tasks");
        _workers = Line(1, "Workers");
        _builtIn = Line(2, "Built-in");
        _pools = Line(3, "Pools");
        _heading = new Label { Text = "Active tasks", X = 0, Y = 5 };
        _active = new ResourceTable<ServerTask>(
        [
            new("STATE", t => TaskLook.State(t, symbols), t => TaskLook.Tone(t.State)),
            new("ID", t => t.Id),
            new("TASK", t => t.Description.Length > 0 ? t.Description : t.Name, MaxWidth: 40),
            new("WAITING FOR", t => t.HasPendingInterruptions ? "manual intervention" : t.State == TaskState.Queued ? "a free slot" : ""),
        ], t => t.Id, context.Options.Color) { Y = 6, Height = Dim.Fill() };
        _active.RowActivated += Open;
        Add(_heading, _active);
        Keys =
        [
            new("Enter", "Open", "Open the selected task", () => Open(_active.Selected)),
            new("p", "Pools", "Worker pools", () => Shell.Go("pools")),
            new("w", "Workers", "Workers", () => Shell.Go("workers")),
            new("t", "Tasks", "All tasks", () => Shell.Go("tasks")),
        ];
    }

    public override string Caption => "Dashboard";

    public override IReadOnlyList<ScreenKey> Keys { get; }

    public override bool CanFilter => true;

    public override string Filter => _active.Filter;

    public override void ApplyFilter(string text) => _active.Filter = text;

    public ResourceTable<ServerTask> ActiveTasks => _active;

    public override async Task<Action> LoadAsync(CancellationToken cancellationToken)
    {
        var status = await Api.ServerStatusAsync(cancellationToken);
        var configuration = await Api.ConfigurationAsync(cancellationToken);
        var pools = await Api.PoolsAsync(cancellationToken);
        var workers = await Api.WorkersAsync(cancellationToken);
        var active = await Api.ActiveTasksAsync(cancellationToken);
        var data = new DashboardData(status, configuration, pools, workers, active);
        return () => Show(data);
    }

    public void Show(DashboardData data)
    {
        var queue = data.Status.TaskQueue;
        var free = Math.Max(0, queue.TaskCap - queue.Executing);
        var draining = queue.IsDraining ? " · draining: no new tasks start" : "";
        Set(_tasks, string.Create(CultureInfo.InvariantCulture, $"{queue.Executing} executing of a cap of {queue.TaskCap} ({free} free) · {queue.Queued} queued{draining}"));

        var workers = data.Workers;
        var enabled = workers.Where(w => !w.IsDisabled).ToList();
        HealthStatus[] order = [HealthStatus.Healthy, HealthStatus.HasWarnings, HealthStatus.Unhealthy, HealthStatus.Unavailable, HealthStatus.Unknown];
        var counts = order
            .Select(s => (Status: s, Count: enabled.Count(w => w.HealthStatus == s)))
            .Where(c => c.Count > 0 || c.Status is HealthStatus.Healthy)
            .Select(c => $"{Symbols.Health(c.Status).Split(' ')[0]} {c.Count} {c.Status}");
        var disabled = workers.Count - enabled.Count;
        Set(_workers, workers.Count == 0
            ? "none registered (a: add one from the workers screen)"
            : $"{workers.Count} · {string.Join("  ", counts)}{(disabled > 0 ? $" · {disabled} disabled" : "")}");
        Set(_builtIn, data.BuiltInWorker());
        Set(_pools, $"{data.Pools.Count} · default: {data.DefaultPool?.Name ?? "(none)"}");
        Set(_heading, data.ActiveTasks.Count == 0 ? "Active tasks: none" : $"Active tasks: {data.ActiveTasks.Count}");
        _active.SetRows(data.ActiveTasks);
    }

    private Label Line(int y, string caption)
    {
        Add(new Label { Text = caption, X = 0, Y = y });
        var value = new Label { X = 10, Y = y, Width = Dim.Fill() };
        Add(value);
        return value;
    }

    private static void Set(Label label, string text)
    {
        // Unchanged text: no redraw.
        if (label.Text != text)
            label.Text = text;
    }

    private void Open(ServerTask? task)
    {
        if (task is not null && !Shell.Open("task", task.Id))
            Shell.Say("There is no task screen in this build.", error: true);
    }
}
