using OctoLite.Domain;
using OctoLite.Tui.Widgets;

namespace OctoLite.Tui.Screens;

/// <summary>
/// The newest tasks, newest first, refreshed in place: their state, what they run, their project, when they started
/// and how long they took. Enter opens a task with its live log; c cancels one; 1-4 show all, active, failed or
/// successful tasks.
/// </summary>
internal sealed class TasksScreen : Screen
{
    /// <summary>How many of the newest tasks the table holds.</summary>
    public const int Take = 200;

    private static readonly (string Key, string State, string Label)[] QuickFilters =
    [
        ("1", "", "All"),
        ("2", "Active", "Active"),
        ("3", "Failed", "Failed"),
        ("4", "Success", "Success"),
    ];

    private readonly ResourceTable<TaskRow> _table;
    private volatile IReadOnlyDictionary<string, string> _projects = new Dictionary<string, string>();
    private volatile string _state = "";

    public TasksScreen(ScreenContext context) : base(context)
    {
        var symbols = context.Symbols;
        _table = new ResourceTable<TaskRow>(
        [
            new("STATE", r => TaskLook.State(r.Task, symbols), r => TaskLook.Tone(r.Task.State)),
            new("NAME", r => r.Name, MaxWidth: 40),
            new("PROJECT", r => r.Project, MaxWidth: 20),
            new("STARTED", r => TaskLook.When(r.Task.StartTime, Clock)),
            new("DURATION", r => TaskLook.Duration(r.Task, Clock)),
        ], r => r.Task.Id, context.Options.Color);
        _table.RowActivated += Open;
        Add(_table);
        var keys = new List<ScreenKey>
        {
            new("Enter", "Open", "Open the selected task: its steps and live log", () => Open(_table.Selected)),
            new("c", "Cancel", "Cancel the selected task (asks first)", Cancel, Mutates: true),
            new("s", "Sort", "Sort by the next column", _table.CycleSort),
        };
        keys.AddRange(QuickFilters.Select(f => new ScreenKey(f.Key, f.Label, $"Show {(f.State.Length == 0 ? "all" : f.Label.ToLowerInvariant())} tasks", () => ShowState(f.State, f.Label))));
        Keys = keys;
    }

    public override string Caption => "Tasks";

    public override IReadOnlyList<ScreenKey> Keys { get; }

    public override bool CanFilter => true;

    public override string Filter => _table.Filter;

    public ResourceTable<TaskRow> Table => _table;

    /// <summary>The state the server is asked for ("" for every task).</summary>
    public string State => _state;

    /// <summary>The clock and zone times are shown in (tests pin it).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public override void ApplyFilter(string text) => _table.Filter = text;

    public override async Task<Action> LoadAsync(CancellationToken cancellationToken)
    {
        var tasks = await Api.TasksAsync(_state, Take, cancellationToken);
        var projects = _projects;
        if (tasks.Items.Any(t => t.ProjectId.Length > 0 && !projects.ContainsKey(t.ProjectId)))
            _projects = projects = await Api.ProjectNamesAsync(cancellationToken);
        var rows = TaskRow.Join(tasks.Items, projects);
        return () => Show(rows);
    }

    /// <summary>Shows these rows (the update <see cref="LoadAsync"/> hands back; tests call it with fixed data).</summary>
    public void Show(IReadOnlyList<TaskRow> rows)
    {
        _table.SetRows(rows);
    }

    private void Open(TaskRow? row)
    {
        if (row is not null)
            Shell.Open(new TaskScreen(Context, row.Task.Id));
    }

    private void ShowState(string state, string label)
    {
        if (_state == state)
            return;
        _state = state;
        Shell.Say(state.Length == 0 ? "Showing every task." : $"Showing {label.ToLowerInvariant()} tasks only (1 shows all).");
        Shell.RefreshNow();
    }

    private void Cancel()
    {
        if (_table.Selected is not { } row)
            return;
        TaskActions.Cancel(Context, row.Task);
    }
}
