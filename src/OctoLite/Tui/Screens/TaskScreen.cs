using OctoLite.Domain;
using OctoLite.Server.Tasks;
using OctoLite.Tui.Widgets;
using Terminal.Gui.ViewBase;

namespace OctoLite.Tui.Screens;

/// <summary>
/// One task: a header (what it runs, its state, times, its error, or what it waits for), its steps on the left (Tab
/// moves there; Enter on a step shows its lines), and its log filling the rest, following new lines as they arrive. Each refresh reads only the lines after the last one
/// shown; a task that has ended with its whole log read is not asked for again.
/// </summary>
internal sealed partial class TaskScreen : Screen
{
    /// <summary>Lines asked for per request.</summary>
    public const int PageSize = 1000;

    /// <summary>
    /// Requests per refresh. A load runs under the shell's one load timeout with the task and its wait reasons; over a
    /// slow link ten pages never fit, the load was dropped and the next started from the same line again. Two pages
    /// fit, are shown, and the next load goes on after them, so a long backlog fills in over a few refreshes.
    /// </summary>
    public const int MaxPagesPerLoad = 2;

    private const int HeaderRows = 3;
    private readonly string _argument;
    private readonly TaskLinesView _header;
    private readonly TaskLinesView _steps;
    private readonly LogView _log;
    private ServerTask? _task;
    private long _position;
    private int _stepsWidth;
    private volatile bool _complete;
    private TimeProvider _clock = TimeProvider.System;

    public TaskScreen(ScreenContext context, string id) : base(context)
    {
        _argument = id.Trim();
        var color = context.Options.Color;
        _header = new TaskLinesView(color) { X = 0, Y = 0, Width = Dim.Fill(), Height = HeaderRows };
        _steps = new TaskLinesView(color) { X = 0, Y = HeaderRows, Width = 0, Height = Dim.Fill(), Separator = Symbols.Unicode ? "│" : "|", CanFocus = true };
        _steps.Chosen += RevealStep;
        _log = new LogView(color, Symbols.Unicode) { X = Pos.Right(_steps), Y = HeaderRows, Width = Dim.Fill(), Height = Dim.Fill() };
        // The log first: it takes the focus when the screen is shown, and Tab moves to the steps.
        Add(_header, _log, _steps);
        Keys =
        [
            new("f", "Follow", "Follow the log's end as lines arrive, or stop (arrows and PageUp stop it, End follows again)", ToggleFollow),
            new("w", "Wrap", "Wrap long log lines, or cut them (then Left/Right scroll sideways)", () => _log.Wrap = !_log.Wrap),
            new("t", "Time", "Show or hide the time of each log line", () => _log.ShowTimestamps = !_log.ShowTimestamps),
            new("n", "Next", "Select the next line matching the search (/ searches the log)", () => StepMatch(forward: true)),
            new("N", "Prev", "Select the previous line matching the search", () => StepMatch(forward: false)),
            new("a", "Files", "List the task's artifacts and save one to a file", ShowArtifacts),
            new("v", "Vars", "Show the output variables the steps set (sensitive values masked)", ShowVariables),
            new("c", "Cancel", "Cancel the task (asks first)", Cancel, Mutates: true),
            new("A", "Approve", "Proceed past the manual intervention the task waits on", () => Resolve(proceed: true), Mutates: true),
            new("X", "Abort", "Abort at the manual intervention the task waits on: the step fails, and so does the task", () => Resolve(proceed: false), Mutates: true),
            new("r", "Rerun", "Run the same runbook in the same environment again, or deploy the same release again; opens the new task", RunAgain, Mutates: true),
        ];
    }

    public override string Caption => $"Task {_task?.Id ?? _argument}";

    public override IReadOnlyList<ScreenKey> Keys { get; }

    /// <summary>"/" searches the log.</summary>
    public override bool CanFilter => true;

    public override string FilterLabel => "Search";

    public override string Filter => _log.Search;

    /// <summary>The task as last read, or null before the first read.</summary>
    public ServerTask? Task => _task;

    public LogView Log => _log;

    /// <summary>The header's lines: what runs, state and times, then the error or what the task waits for.</summary>
    public IReadOnlyList<string> HeaderText => _header.Rendered;

    /// <summary>The steps pane's lines.</summary>
    public IReadOnlyList<string> StepsText => _steps.Rendered;

    /// <summary>True once the task has ended and its whole log has been read: nothing more is asked of the server.</summary>
    public bool IsComplete => _complete;

    /// <summary>The clock and zone times are shown in (tests pin it).</summary>
    public TimeProvider Clock
    {
        get => _clock;
        set
        {
            _clock = value;
            _log.Time = value;
        }
    }

    public override void ApplyFilter(string text)
    {
        _log.SetSearch(text);
        SayMatch();
    }

    public override bool HandleEscape()
    {
        if (_log.Search.Length == 0)
            return false;
        _log.SetSearch("");
        Shell.Say("");
        return true;
    }

    public override async Task<Action> LoadAsync(CancellationToken cancellationToken)
    {
        if (_complete)
            return static () => { };

        var task = await Api.TaskAsync(_task?.Id ?? _argument, cancellationToken);
        var why = task.State is TaskState.Queued or TaskState.Executing ? await Api.TaskWhyAsync(task.Id, cancellationToken) : null;
        var after = Interlocked.Read(ref _position);
        if (after == 0 && task.LogLineCount > _log.Capacity)
            after = task.LogLineCount - _log.Capacity;

        var lines = new List<TaskLogLine>();
        var complete = false;
        for (var pages = 0; pages < MaxPagesPerLoad; pages++)
        {
            var page = await Api.TaskLogAsync(task.Id, after, PageSize, cancellationToken);
            lines.AddRange(page.Lines);
            after = page.Next;
            complete = page.IsComplete;
            if (complete || page.Lines.Count < PageSize)
                break;
        }

        if (lines.Count > _log.Capacity)
            lines.RemoveRange(0, lines.Count - _log.Capacity);
        return () => Show(task, why, lines, complete && task.IsCompleted);
    }

    /// <summary>
    /// Shows the task, what it waits for and the log lines after those shown (the update <see cref="LoadAsync"/> hands
    /// back; tests call it with fixed data). With <paramref name="complete"/>, the task is not read again.
    /// </summary>
    public void Show(ServerTask task, TaskWhy? why, IReadOnlyList<TaskLogLine> lines, bool complete)
    {
        // Two loads can overlap (a refresh asked for while one runs): an older read never undoes an ended task.
        if (_task is { IsCompleted: true } && !task.IsCompleted)
            (task, why) = (_task, null);
        _task = task;
        _log.Learn(task.LogBlocks);
        _log.Append(lines);
        Interlocked.Exchange(ref _position, _log.LastSequence);
        if (complete)
        {
            _complete = true;
            StopTail();
        }
        else
        {
            StartTail(task);
        }

        _header.SetLines(TaskScreenText.Header(task, why, Symbols, _clock));
        var steps = TaskScreenText.Steps(task, Symbols.Unicode);
        var width = TaskScreenText.StepsWidth(steps);
        if (width != _stepsWidth)
        {
            _stepsWidth = width;
            _steps.Width = width;
        }

        _steps.SetLines(steps);
        if (_log.Search.Length > 0 && lines.Count > 0)
            SayMatch();
    }

    private void RevealStep(string block)
    {
        if (_log.Reveal(block))
        {
            Shell.Say("Showing the step's log (End follows again; Tab goes back to the log).");
            _log.SetFocus();
        }
        else
        {
            Shell.Say("None of the step's lines is in the log view yet.");
        }
    }

    private void ToggleFollow()
    {
        _log.Follow = !_log.Follow;
        Shell.Say(_log.Follow ? "Following the log." : "Stopped following the log (f or End follows again).");
    }

    private void StepMatch(bool forward)
    {
        if (_log.Search.Length == 0)
        {
            Shell.Say("Nothing to search for: / searches the log.");
            return;
        }

        _ = forward ? _log.NextMatch() : _log.PreviousMatch();
        SayMatch();
    }

    private void SayMatch()
    {
        if (_log.Search.Length == 0)
            Shell.Say("");
        else if (_log.SelectedLine is { } line)
            Shell.Say($"Match {_log.SelectedMatch + 1} of {_log.MatchCount}: line {line.Sequence} (n next, N previous, Esc ends the search)");
        else
            Shell.Say($"No log line contains '{_log.Search}'.");
    }
}
