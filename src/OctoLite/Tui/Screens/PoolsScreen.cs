using System.Globalization;
using System.Text.Json.Nodes;
using OctoLite.Tui.Widgets;

namespace OctoLite.Tui.Screens;

/// <summary>
/// Worker pools in their sort order with their workers counted by health: create, edit, reorder, make default and
/// delete them; Enter lists a pool's workers.
/// </summary>
internal sealed class PoolsScreen : Screen
{
    private readonly ResourceTable<PoolRow> _table;

    // A move computes the new order from the rows shown, so a second [ or ] before the first is saved and the rows
    // re-read would undo or garble it. Started and finished moves are counted; a load that began once every move had
    // finished clears _moving (this covers a failed move too, after which the shell refreshes).
    private bool _moving;
    private int _movesStarted;
    private int _movesFinished;

    public PoolsScreen(ScreenContext context) : base(context)
    {
        var symbols = context.Symbols;
        _table = new ResourceTable<PoolRow>(
        [
            new("NAME", r => r.Pool.Name, MaxWidth: 24),
            new("DEFAULT", r => r.Pool.IsDefault ? symbols.Yes + " yes" : ""),
            new("TYPE", r => r.Pool.WorkerPoolType == Domain.WorkerPoolType.DynamicWorkerPool ? "Dynamic" : "Static"),
            new("WORKERS", r => Count(r.Summary?.TotalWorkers)),
            new("HEALTHY", r => Count(r.Summary?.Healthy), r => r.Summary?.Healthy > 0 ? Tone.Good : Tone.Normal),
            new("UNHEALTHY", r => Count(r.Summary?.Unhealthy + r.Summary?.HasWarnings), r => r.Summary?.Unhealthy > 0 ? Tone.Bad : r.Summary?.HasWarnings > 0 ? Tone.Warning : Tone.Normal),
            new("UNAVAILABLE", r => Count(r.Summary?.Unavailable), r => r.Summary?.Unavailable > 0 ? Tone.Bad : Tone.Normal),
            new("NOTE", Note, r => r.Summary?.UsesBuiltInWorker == true ? Tone.Dim : Tone.Normal),
        ], r => r.Pool.Id, context.Options.Color);
        _table.RowActivated += OpenWorkers;
        Add(_table);
        Keys =
        [
            new("n", "New", "Create a worker pool", Create, Mutates: true),
            new("e", "Edit", "Edit the selected pool's name, description and lease cap", Edit, Mutates: true),
            new("m", "Default", "Make the selected pool the default pool", MakeDefault, Mutates: true),
            new("[", "Up", "Move the selected pool up the list", () => Move(-1), Mutates: true),
            new("]", "Down", "Move the selected pool down the list", () => Move(+1), Mutates: true),
            new("d", "Delete", "Delete the selected pool (asks first; the default pool cannot be deleted)", Delete, Mutates: true),
            new("s", "Sort", "Sort by the next column", _table.CycleSort),
            new("Enter", "Workers", "Show the workers of the selected pool", () => OpenWorkers(_table.Selected)),
        ];
    }

    public override string Caption => "Worker Pools";

    public override IReadOnlyList<ScreenKey> Keys { get; }

    public override bool CanFilter => true;

    public override string Filter => _table.Filter;

    public ResourceTable<PoolRow> Table => _table;

    public override void ApplyFilter(string text) => _table.Filter = text;

    public override async Task<Action> LoadAsync(CancellationToken cancellationToken)
    {
        var movesFinished = Volatile.Read(ref _movesFinished);
        var pools = await Api.PoolsAsync(cancellationToken);
        var summaries = await Api.PoolSummariesAsync(cancellationToken);
        var rows = PoolRow.Join(pools, summaries);
        return () =>
        {
            if (movesFinished == _movesStarted)
                _moving = false;
            Show(rows);
        };
    }

    /// <summary>Shows these rows (the update <see cref="LoadAsync"/> hands back; tests call it with fixed data).</summary>
    public void Show(IReadOnlyList<PoolRow> rows) => _table.SetRows(rows);

    private static string Count(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Note(PoolRow row) =>
        row.Summary?.UsesBuiltInWorker == true ? "steps run on the built-in worker"
        : row.Summary?.Disabled > 0 ? $"{row.Summary.Disabled} disabled"
        : row.Pool.Description;

    private void OpenWorkers(PoolRow? row)
    {
        if (row is not null && !Shell.Open("workers", row.Pool.Id))
            Shell.Say("There is no workers screen in this build.", error: true);
    }

    private void Create()
    {
        if (Forms.Ask(App, "New worker pool", [new("Name"), new("Description"), new("Max leases", "", "concurrent tasks per worker; empty for no cap")]) is not { } values)
            return;

        var body = new JsonObject { ["Name"] = values[0].Trim(), ["Description"] = values[1] };
        if (!Forms.TryCap(values[2], out var cap, out var problem))
        {
            Shell.Say(problem, error: true);
            return;
        }

        body["MaxConcurrentLeases"] = cap;
        Shell.Run($"Creating pool {values[0].Trim()}", async ct =>
        {
            var pool = await Api.CreatePoolAsync(body, ct);
            return $"Created worker pool {pool.Name} ({pool.Id}).";
        });
    }

    private void Edit()
    {
        if (_table.Selected is not { } row)
            return;

        var pool = row.Pool;
        var cap = pool.MaxConcurrentLeases?.ToString(CultureInfo.InvariantCulture) ?? "";
        if (Forms.Ask(App, $"Edit {pool.Name}", [new("Name", pool.Name), new("Description", pool.Description), new("Max leases", cap, "concurrent tasks per worker; empty for no cap")]) is not { } values)
            return;

        if (!Forms.TryCap(values[2], out var newCap, out var problem))
        {
            Shell.Say(problem, error: true);
            return;
        }

        var patch = new JsonObject { ["Name"] = values[0].Trim(), ["Description"] = values[1], ["MaxConcurrentLeases"] = newCap };
        Shell.Run($"Saving {pool.Name}", async ct =>
        {
            var saved = await Api.UpdatePoolAsync(pool.Id, patch, ct);
            return $"Saved worker pool {saved.Name}.";
        });
    }

    private void MakeDefault()
    {
        if (_table.Selected is not { } row)
            return;
        if (row.Pool.IsDefault)
        {
            Shell.Say($"{row.Pool.Name} is already the default pool.");
            return;
        }

        if (!Shell.Confirm("Default pool", $"Make {row.Pool.Name} the default pool? Steps with no pool of their own will run there."))
            return;

        Shell.Run($"Making {row.Pool.Name} the default pool", async ct =>
        {
            await Api.UpdatePoolAsync(row.Pool.Id, new JsonObject { ["IsDefault"] = true }, ct);
            return $"{row.Pool.Name} is now the default pool.";
        });
    }

    private void Move(int by)
    {
        if (_table.Selected is not { } row || _moving)
            return;
        if (_table.Sort.Column is not null || _table.Filter.Length > 0)
        {
            Shell.Say("Pools can be moved only in the list's own order: clear the sort (s until it is gone) and the filter (Esc) first.", error: true);
            return;
        }

        var order = _table.All.Select(r => r.Pool.Id).ToList();
        var from = order.IndexOf(row.Pool.Id);
        var to = from + by;
        if (to < 0 || to >= order.Count)
            return;

        (order[from], order[to]) = (order[to], order[from]);
        _moving = true;
        _movesStarted++;
        Shell.Run($"Moving {row.Pool.Name}", async ct =>
        {
            try
            {
                await Api.ReorderPoolsAsync(order, ct);
            }
            finally
            {
                Interlocked.Increment(ref _movesFinished);
            }

            return $"Moved {row.Pool.Name} to position {to + 1}.";
        });
    }

    private void Delete()
    {
        if (_table.Selected is not { } row)
            return;
        if (row.Pool.IsDefault)
        {
            Shell.Say($"{row.Pool.Name} is the default pool and cannot be deleted: make another pool the default first.", error: true);
            return;
        }

        var workers = row.Summary?.TotalWorkers ?? 0;
        var question = workers > 0
            ? $"Delete worker pool {row.Pool.Name}? Its {workers} worker(s) stay registered but leave this pool."
            : $"Delete worker pool {row.Pool.Name}?";
        if (!Shell.Confirm("Delete pool", question))
            return;

        Shell.Run($"Deleting {row.Pool.Name}", async ct =>
        {
            await Api.DeletePoolAsync(row.Pool.Id, ct);
            return $"Deleted worker pool {row.Pool.Name}.";
        });
    }
}
