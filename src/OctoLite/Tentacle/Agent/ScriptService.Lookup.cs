using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent;

/// <summary>Finding a ticket (in memory, else finished on disk) and answering its status.</summary>
internal sealed partial class ScriptService
{
    private ScriptRun Find(string ticket)
    {
        lock (_gate)
        {
            return FindLocked(ticket) ?? throw TentacleRequestException.UnknownTicket(ticket);
        }
    }

    /// <summary>A ticket in memory, else a finished one on disk (loaded and kept), else null.</summary>
    private ScriptRun? FindLocked(string ticket)
    {
        if (_runs.TryGetValue(ticket, out var run))
        {
            return run;
        }

        var folder = _home.Journal(ticket);
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var record = ScriptRecordFile.Load(folder) ?? new ScriptRecord { Ticket = ticket, State = ScriptState.Running };
        run = new ScriptRun(ticket, folder, ScriptJournal.Open(folder, _options.Time), record);
        _runs[ticket] = run;
        return run;
    }

    private static ScriptStatus Status(ScriptRun run, long after, int max)
    {
        var record = run.Record; // read before the events: a Complete record means the journal is final
        var events = run.Journal.ReadAfter(after, max);
        var next = events.Count > 0 ? events[^1].Sequence : Math.Min(after, run.Journal.DurableSequence);
        var complete = record.State == ScriptState.Complete && next >= record.LastSequence;
        return new ScriptStatus
        {
            Ticket = run.Ticket,
            State = complete ? ScriptState.Complete : ScriptState.Running,
            Outcome = complete ? record.Outcome : "",
            ExitCode = complete ? record.ExitCode : null,
            ErrorMessage = complete ? record.ErrorMessage : "",
            Events = events,
            NextSequence = next,
        };
    }
}
