using OctoLite.Tui.Widgets;

namespace OctoLite.Tui.Screens;

/// <summary>
/// Projects and their runbooks: run the selected runbook, or deploy a release of its project, choosing the
/// environment; the new task opens.
/// </summary>
internal sealed class ProjectsScreen : Screen
{
    private readonly ResourceTable<ProjectRow> _table;
    private IReadOnlyList<string> _environments = [];

    public ProjectsScreen(ScreenContext context) : base(context)
    {
        _table = new ResourceTable<ProjectRow>(
        [
            new("PROJECT", r => r.Project.Name, MaxWidth: 24),
            new("RUNBOOK", r => r.Runbook?.Name ?? "-", r => r.Runbook is null ? Tone.Dim : Tone.Normal, MaxWidth: 28),
            new("STEPS", r => (r.Runbook?.Process.Steps.Count ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("DESCRIPTION", r => r.Runbook?.Description is { Length: > 0 } d ? d : r.Project.Description),
        ], r => r.Key, context.Options.Color);
        Add(_table);
        Keys =
        [
            new("r", "Run", "Run the selected runbook (asks for the environment) and open its task", Run, Mutates: true),
            new("D", "Deploy", "Deploy a release of the selected project to an environment and open its task", Deploy, Mutates: true),
            new("s", "Sort", "Sort by the next column", _table.CycleSort),
        ];
    }

    public override string Caption => "Projects and runbooks";

    public override IReadOnlyList<ScreenKey> Keys { get; }

    public override bool CanFilter => true;

    public override string Filter => _table.Filter;

    public override void ApplyFilter(string text) => _table.Filter = text;

    public ResourceTable<ProjectRow> Table => _table;

    public override async Task<Action> LoadAsync(CancellationToken cancellationToken)
    {
        var projects = await Api.ProjectsAsync(cancellationToken);
        var runbooks = await Api.AllRunbooksAsync(cancellationToken);
        var environments = await Api.EnvironmentsAsync(cancellationToken);
        var rows = ProjectRow.Join(projects, runbooks);
        var names = environments.OrderBy(e => e.SortOrder).Select(e => e.Name).ToList();
        return () =>
        {
            _environments = names;
            _table.SetRows(rows);
        };
    }

    private string EnvironmentHint => _environments.Count == 0 ? "no environments defined: leave empty" : "one of: " + string.Join(", ", _environments);

    private void Run()
    {
        if (_table.Selected is not { } row)
            return;
        if (row.Runbook is not { } runbook)
        {
            Shell.Say($"{row.Project.Name} has no runbooks.", error: true);
            return;
        }

        if (Forms.Ask(App, $"Run {runbook.Name}", [new("Environment", _environments.Count == 1 ? _environments[0] : "", EnvironmentHint)]) is not { } values)
            return;

        var environment = values[0];
        string? queued = null;
        Shell.Run($"Queuing {runbook.Name}", async ct =>
        {
            var task = await Api.RunRunbookAsync(runbook.Id, environment, ct);
            queued = Opened = task.Id;
            return $"Queued {task.Id}: {task.Description}";
        }, () => OpenTask(queued));
    }

    private void Deploy()
    {
        if (_table.Selected is not { } row)
            return;

        var project = row.Project;
        if (Forms.Ask(App, $"Deploy {project.Name}", [new("Release", "", "version or id; empty for the newest"), new("Environment", _environments.Count == 1 ? _environments[0] : "", EnvironmentHint)]) is not { } values)
            return;

        var (release, environment) = (values[0].Trim(), values[1].Trim());
        if (environment.Length == 0)
        {
            Shell.Say("A deployment needs an environment. Nothing was queued.", error: true);
            return;
        }

        string? queued = null;
        Shell.Run($"Deploying {project.Name}", async ct =>
        {
            if (release.Length == 0)
            {
                var releases = await Api.ReleasesAsync(project.Id, ct);
                release = releases.FirstOrDefault()?.Id
                    ?? throw new InvalidOperationException($"{project.Name} has no releases to deploy: create one with `octolite release create --project \"{project.Name}\"`.");
            }

            var task = await Api.DeployAsync(project.Id, release, environment, ct);
            queued = Opened = task.Id;
            return $"Queued {task.Id}: {task.Description}";
        }, () => OpenTask(queued));
    }

    /// <summary>The task the last run or deployment queued (each action opens its own).</summary>
    public string? Opened { get; private set; }

    private void OpenTask(string? id)
    {
        if (id is not null)
            Shell.Open("task", id);
    }
}
