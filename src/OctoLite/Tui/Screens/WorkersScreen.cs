using System.Globalization;
using System.Text.Json.Nodes;
using OctoLite.Domain;
using OctoLite.Server.Api;
using OctoLite.Tui.Widgets;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OctoLite.Tui.Screens;

/// <summary>
/// The workers, all of them or one pool's, with their health, version, leases and when they were last seen; the
/// selected one's details and health history in a pane below the table (beside it on a wide terminal). Check health
/// now, enable or disable, change pools, delete, and add workers (the add-worker wizard).
/// </summary>
internal sealed class WorkersScreen : Screen
{
    /// <summary>From this many columns on, the details stand beside the table instead of below it.</summary>
    public const int WideFrom = 150;

    /// <summary>Rows of the details pane below the table at least, frame included.</summary>
    public const int PaneHeight = 9;

    /// <summary>Health history entries read for the selected worker.</summary>
    public const int HistoryTake = 20;

    private readonly string _poolArgument;
    private readonly ResourceTable<WorkerRow> _table;
    private readonly WorkerDetailPane _pane;
    private readonly Label _poolLine;
    private IReadOnlyList<WorkerPool> _pools = [];
    private IReadOnlyList<Worker> _workers = [];
    private ServerStatus? _server;
    private (string WorkerId, IReadOnlyList<WorkerHealthRecord> Records)? _history;
    private volatile string? _selectedId;

    /// <param name="pool">A pool's id or name to show only its workers; "" for every worker.</param>
    public WorkersScreen(ScreenContext context, string pool = "") : base(context)
    {
        _poolArgument = pool.Trim();
        var symbols = context.Symbols;
        _poolLine = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = _poolArgument.Length > 0 ? 1 : 0, Visible = _poolArgument.Length > 0 };
        _table = new ResourceTable<WorkerRow>(
        [
            new("NAME", r => r.Worker.Name, MaxWidth: 20),
            new("KIND", r => WorkerText.Kind(r.Worker.Endpoint.CommunicationStyle)),
            new("POOLS", r => string.Join(", ", r.PoolNames), MaxWidth: 24),
            new("HEALTH", r => symbols.Health(r.Worker.HealthStatus, r.Worker.IsDisabled), r => WorkerText.HealthTone(r.Worker)),
            new("VERSION", r => r.Worker.Capabilities?.AgentVersion is { Length: > 0 } v ? v : "-", MaxWidth: 12),
            new("OS", r => r.Worker.Capabilities?.OperatingSystem is { Length: > 0 } os ? os : "-", MaxWidth: 16),
            new("LEASES", r => r.Leases.ToString(CultureInfo.InvariantCulture), r => r.Leases > 0 ? Tone.Highlight : Tone.Normal),
            new("LAST SEEN", r => WorkerText.Ago(r.Worker.LastSeen, Clock.GetUtcNow()), r => r.Worker.LastSeen is null ? Tone.Dim : Tone.Normal),
        ], r => r.Worker.Id, context.Options.Color);
        _pane = new WorkerDetailPane(context.Options.Color);

        // Below the table on a narrow terminal, beside it on a wide one: decided at each layout, so a resize moves it.
        _table.X = 0;
        _table.Y = Pos.Bottom(_poolLine);
        _table.Width = Dim.Func(_ => Wide ? Viewport.Width * 3 / 5 : Viewport.Width);
        _table.Height = Dim.Func(_ => Math.Max(1, Viewport.Height - _poolLine.Frame.Height - (Wide ? 0 : PaneRows)));
        _pane.X = Pos.Func(_ => Wide ? _table.Frame.Right : 0);
        _pane.Y = Pos.Func(_ => Wide ? _table.Frame.Y : _table.Frame.Bottom);
        _pane.Width = Dim.Func(_ => Wide ? Viewport.Width - _table.Frame.Width : Viewport.Width);
        _pane.Height = Dim.Func(_ => Wide ? _table.Frame.Height : Math.Max(0, Viewport.Height - _table.Frame.Bottom));

        _table.SelectionMoved += Selected;
        _table.RowActivated += _ => _pane.SetFocus();
        Add(_poolLine, _table, _pane);
        Keys =
        [
            new("h", "Check", "Check the selected worker's health now (queues a Health task)", CheckHealth, Mutates: true),
            new("x", "Enable/Disable", "Disable the selected worker (no work is given to it), or enable it again", ToggleDisabled, Mutates: true),
            new("p", "Pools", "Choose the pools the selected worker is in", EditPools, Mutates: true),
            new("d", "Delete", "Delete the selected worker (asks first)", Delete, Mutates: true),
            new("a", "Add", "Add a worker: a listening or polling tentacle", Add, Mutates: true),
            new("s", "Sort", "Sort by the next column", _table.CycleSort),
            new("Enter", "Details", "Move to the details pane (Tab moves between the table and the details)", () => _pane.SetFocus()),
        ];
    }

    public override string Caption => "Workers";

    public override IReadOnlyList<ScreenKey> Keys { get; }

    public override bool CanFilter => true;

    public override string Filter => _table.Filter;

    public ResourceTable<WorkerRow> Table => _table;

    public WorkerDetailPane Details => _pane;

    /// <summary>The pool line over the table when one pool's workers are shown ("" otherwise).</summary>
    public string PoolLine => _poolLine.Text;

    /// <summary>The clock LAST SEEN counts from (tests fix it).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    private bool Wide => Viewport.Width >= WideFrom;

    /// <summary>The details pane's rows below the table: <see cref="PaneHeight"/>, or half the screen when that is more.</summary>
    private int PaneRows => Math.Max(PaneHeight, Viewport.Height / 2);

    public override void ApplyFilter(string text) => _table.Filter = text;

    public override async Task<Action> LoadAsync(CancellationToken cancellationToken)
    {
        var selected = _selectedId;
        var workers = Api.WorkersAsync(cancellationToken);
        var pools = Api.PoolsAsync(cancellationToken);
        var policies = Api.PoliciesAsync(cancellationToken);
        var leases = Api.LeasesAsync(cancellationToken);
        var history = selected is null ? Task.FromResult(new List<WorkerHealthRecord>()) : Api.WorkerHealthAsync(selected, HistoryTake, cancellationToken);
        var server = _server is null ? Api.ServerStatusAsync(cancellationToken) : Task.FromResult(_server);
        await Task.WhenAll(workers, pools, policies, leases, server);
        List<WorkerHealthRecord> records;
        try
        {
            records = await history;
        }
        catch (Cli.CliException)
        {
            // Deleted meanwhile: its row goes with this load anyway.
            records = [];
        }

        var poolId = "";
        if (_poolArgument.Length > 0)
        {
            var pool = pools.Result.FirstOrDefault(p => p.Id == _poolArgument)
                ?? pools.Result.FirstOrDefault(p => string.Equals(p.Name, _poolArgument, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"there is no worker pool '{_poolArgument}' (try :pools).");
            poolId = pool.Id;
        }

        var rows = WorkerRow.Join(workers.Result, pools.Result, policies.Result, leases.Result, poolId);
        return () =>
        {
            _pools = pools.Result;
            _workers = workers.Result;
            _server = server.Result;
            if (selected is not null)
                _history = (selected, records);
            if (poolId.Length > 0)
                ShowPoolLine(pools.Result.First(p => p.Id == poolId), rows.Count);
            Show(rows);
        };
    }

    /// <summary>Shows these rows (the update <see cref="LoadAsync"/> hands back; tests call it with fixed data).</summary>
    public void Show(IReadOnlyList<WorkerRow> rows)
    {
        _table.SetRows(rows);
        Selected(_table.Selected);
    }

    private void ShowPoolLine(WorkerPool pool, int count)
    {
        var text = $"Pool {pool.Name}: {count} worker{(count == 1 ? "" : "s")} (Esc for the pools, :workers for every worker)";
        if (_poolLine.Text != text)
            _poolLine.Text = text;
    }

    private void Selected(WorkerRow? row)
    {
        var id = row?.Worker.Id;
        var moved = id != _selectedId;
        _selectedId = id;
        var history = row is not null && _history is { } h && h.WorkerId == row.Worker.Id ? h.Records : null;
        _pane.SetLines(row is null ? [("No worker selected.", Tone.Dim)] : WorkerDetails.Lines(row, history, Symbols, Clock));
        if (moved && row is not null && history is null)
            Shell.RefreshNow();
    }

    private void CheckHealth()
    {
        if (_table.Selected is not { } row)
            return;

        var worker = row.Worker;
        Shell.Run($"Queueing a health check of {worker.Name}", async ct =>
        {
            var task = await Api.CheckWorkerHealthAsync(worker.Id, ct);
            return $"Health check of {worker.Name} queued as task {task.Id}.";
        });
    }

    private void ToggleDisabled()
    {
        if (_table.Selected is not { } row)
            return;

        var worker = row.Worker;
        var disable = !worker.IsDisabled;
        Shell.Run($"{(disable ? "Disabling" : "Enabling")} {worker.Name}", async ct =>
        {
            var saved = await Api.UpdateWorkerAsync(worker.Id, new JsonObject { ["IsDisabled"] = disable }, ct);
            return saved.IsDisabled
                ? $"Worker {saved.Name} is disabled: no work is given to it (x enables it again)."
                : $"Worker {saved.Name} is enabled.";
        });
    }

    private void EditPools()
    {
        if (_table.Selected is not { } row || App is not { } app)
            return;

        var worker = row.Worker;
        if (WorkerPoolsDialog.Choose(app, $"Pools of {worker.Name}", _pools, worker.WorkerPoolIds) is not { } chosen)
            return;
        if (chosen.Count == 0)
        {
            Shell.Say($"A worker must be in at least one pool; {worker.Name}'s pools were not changed.", error: true);
            return;
        }

        if (chosen.ToHashSet(StringComparer.Ordinal).SetEquals(worker.WorkerPoolIds))
        {
            Shell.Say($"{worker.Name}'s pools are unchanged.");
            return;
        }

        var ids = new JsonArray(chosen.Select(id => (JsonNode)JsonValue.Create(id)).ToArray());
        Shell.Run($"Saving {worker.Name}'s pools", async ct =>
        {
            var saved = await Api.UpdateWorkerAsync(worker.Id, new JsonObject { ["WorkerPoolIds"] = ids }, ct);
            var names = saved.WorkerPoolIds.Select(id => _pools.FirstOrDefault(p => p.Id == id)?.Name ?? id);
            return $"Worker {saved.Name} is in {string.Join(", ", names)}.";
        });
    }

    private void Delete()
    {
        if (_table.Selected is not { } row)
            return;

        var worker = row.Worker;
        var question = row.Leases > 0
            ? $"Delete worker {worker.Name}? {row.Leases} task(s) hold it now."
            : $"Delete worker {worker.Name}? The tentacle itself is left as it is.";
        if (!Shell.Confirm("Delete worker", question))
            return;

        Shell.Run($"Deleting {worker.Name}", async ct =>
        {
            await Api.DeleteWorkerAsync(worker.Id, ct);
            return $"Deleted worker {worker.Name}.";
        });
    }

    private void Add()
    {
        if (App is not { } app)
            return;

        var pools = _pools;
        var preferred = _poolArgument.Length > 0 ? pools.FirstOrDefault(p => p.Id == _poolArgument || string.Equals(p.Name, _poolArgument, StringComparison.OrdinalIgnoreCase)) : null;
        new AddWorkerWizard(app, Context, _server, pools, _workers, preferred).Run();
    }
}
