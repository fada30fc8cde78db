using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent;

/// <summary>
/// One ticket the service knows: its journal, its status and, while it runs, the token that cancels it and the
/// task that ends when it has ended (journal closed, status saved).
/// </summary>
internal sealed class ScriptRun(string ticket, string journalFolder, ScriptJournal journal, ScriptRecord record) : IDisposable
{
    private volatile ScriptRecord _record = record;
    private volatile TaskCompletionSource _updated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Ticket { get; } = ticket;
    public string JournalFolder { get; } = journalFolder;
    public ScriptJournal Journal { get; } = journal;
    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Completes once the script has ended and its status is saved; already complete for a finished ticket.</summary>
    public Task Completion { get; set; } = Task.CompletedTask;

    /// <summary>The current status; set only after the journal it describes is durable.</summary>
    public ScriptRecord Record => _record;

    public bool IsRunning => _record.State == ScriptState.Running;

    /// <summary>Completes when the status changes (the script ended) after it was read.</summary>
    public Task Updated => _updated.Task;

    /// <summary>Saves <paramref name="record"/> to disk, then makes it the one status answers read.</summary>
    /// <param name="durable">
    /// True (the final record) to fsync it. A running script's records (started, its process group) need not be:
    /// they matter after this process dies while the machine runs on, and a power loss ends the script as well.
    /// </param>
    public void Update(ScriptRecord record, bool durable = true)
    {
        ScriptRecordFile.Save(JournalFolder, record, durable);
        _record = record;
        Interlocked.Exchange(ref _updated, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public void Dispose()
    {
        Cancellation.Dispose();
        Journal.Dispose();
    }
}
