using OctoLite.Domain;
using OctoLite.Scripting.Processes;
using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent;

/// <summary>What a restarted tentacle does about tickets its predecessor left running.</summary>
internal sealed partial class ScriptService
{
    /// <summary>
    /// Every ticket whose status still says Running died with the previous agent: what is left of its process group
    /// is killed, a final line says what happened, and it ends Failed with no exit code. Finished tickets are left
    /// as they are, so the server can still read them.
    /// </summary>
    public void RecoverAfterRestart()
    {
        if (!Directory.Exists(_home.JournalFolder))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(_home.JournalFolder))
        {
            var ticket = Path.GetFileName(folder);
            var record = ScriptRecordFile.Load(folder);
            if (record is { State: ScriptState.Complete })
            {
                continue;
            }

            try
            {
                Recover(ticket, folder, record ?? new ScriptRecord { Ticket = ticket, StartedAt = _options.Time.GetUtcNow() });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogDeleteFailed(_logger, folder, e.Message);
            }
        }
    }

    private void Recover(string ticket, string folder, ScriptRecord record)
    {
        var killed = KillLeftovers(record);
        const string message = "The tentacle stopped while this script ran, so how it ended is unknown.";
        using var journal = ScriptJournal.Reopen(folder, _options.Time);
        if (killed)
        {
            journal.Append(new ScriptEvent { Kind = ScriptEventKind.Line, Level = nameof(TaskLogLevel.Warning), Text = "Its processes were still running when the tentacle started again; they were killed." });
        }

        journal.Append(new ScriptEvent { Kind = ScriptEventKind.Line, Level = nameof(TaskLogLevel.Error), Text = message });
        var last = journal.Close();
        ScriptRecordFile.Save(folder, record with
        {
            Ticket = ticket,
            State = ScriptState.Complete,
            Outcome = "Failed",
            ExitCode = null,
            ErrorMessage = message,
            LastSequence = last,
            CompletedAt = _options.Time.GetUtcNow(),
            ProcessGroupId = null,
            ProcessStartTime = null,
        });
        LogRecovered(_logger, ticket);
    }

    /// <summary>Kills the recorded process group when its leader is still the process that was started (same start time).</summary>
    private static bool KillLeftovers(ScriptRecord record)
    {
        if (record.ProcessGroupId is not { } group || !ProcessGroup.HasLiveMembers(group))
        {
            return false;
        }

        if (record.ProcessStartTime is { } started && ProcessGroup.StartTime(group) is { } now && now != started)
        {
            return false; // the id was reused by an unrelated process
        }

        return ProcessGroup.SignalGroup(group, ProcessGroup.Kill);
    }
}
