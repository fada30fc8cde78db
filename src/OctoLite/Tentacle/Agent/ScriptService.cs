using OctoLite.Scripting.Runner;
using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent;

/// <summary>
/// The tentacle's service contract, independent of transport: start a script (idempotent by ticket), read its
/// status and journal after a sequence, cancel it, complete it. The listening transport calls it from HTTP
/// handlers; a polling transport calls the same methods with requests it fetched from the server.
/// </summary>
/// <remarks>
/// A ticket is known while its journal folder exists: from its start until <see cref="CompleteAsync"/> or the
/// workspace janitor removes it. Every refusal is a <see cref="TentacleRequestException"/> and changes nothing.
/// Thread-safe.
/// </remarks>
internal sealed partial class ScriptService : IAsyncDisposable
{
    private readonly TentacleHome _home;
    private readonly TentacleAgentOptions _options;
    private readonly ILogger<ScriptService> _logger;
    private readonly StepRunner _runner = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ScriptRun> _runs = new(StringComparer.Ordinal);

    public ScriptService(TentacleHome home, TentacleAgentOptions options, ILogger<ScriptService> logger)
    {
        _home = home;
        _options = options;
        _logger = logger;
    }

    /// <summary>The home directory this service keeps workspaces and journals in.</summary>
    public TentacleHome Home => _home;

    /// <summary>
    /// Starts <paramref name="command"/>'s script unless its ticket is known, in which case nothing runs again.
    /// Either way the answer is the ticket's status with no events (read them with <see cref="GetStatus"/> from 0).
    /// </summary>
    public ScriptStatus Start(StartScriptCommand command)
    {
        var request = StartScriptValidation.Validate(command);
        ScriptRun run;
        lock (_gate)
        {
            if (FindLocked(command.Ticket) is { } known)
            {
                LogRepeatedStart(_logger, command.Ticket);
                return Status(known, after: 0, max: 0);
            }

            run = Begin(command.Ticket);
            _runs[command.Ticket] = run;
        }

        LogScriptStarted(_logger, command.Ticket, command.Syntax);
        run.Completion = Task.Run(() => ExecuteAsync(run, request));
        return Status(run, after: 0, max: 0);
    }

    /// <summary>The ticket's status with up to <see cref="TentacleTimeoutsAndLimits.MaxEventsPerStatus"/> events after <paramref name="after"/>.</summary>
    public ScriptStatus GetStatus(string ticket, long after)
    {
        ValidateStatusRequest(ticket, after);

        return Status(Find(ticket), after, TentacleTimeoutsAndLimits.MaxEventsPerStatus);
    }

    /// <summary>
    /// As <see cref="GetStatus"/>, but when there is nothing new yet (no events after <paramref name="after"/>, not
    /// complete) waits up to <paramref name="wait"/> for some: the answer comes the moment lines become durable or
    /// the script ends, so a caller sees a short script's end without polling.
    /// </summary>
    public async Task<ScriptStatus> GetStatusAsync(string ticket, long after, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (wait <= TimeSpan.Zero)
        {
            return GetStatus(ticket, after);
        }

        ValidateStatusRequest(ticket, after);

        var run = Find(ticket);
        var time = _options.Time;
        var started = time.GetTimestamp();
        while (true)
        {
            // Taken before reading, so a change between the read and the wait is not missed.
            var changed = Task.WhenAny(run.Journal.Advanced, run.Updated);
            var status = Status(run, after, TentacleTimeoutsAndLimits.MaxEventsPerStatus);
            var left = wait - time.GetElapsedTime(started);
            if (status.Events.Count > 0 || status.State == ScriptState.Complete || left <= TimeSpan.Zero)
            {
                return status;
            }

            try
            {
                await changed.WaitAsync(left, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // nothing new within the wait: answered below with what there is
            }
        }
    }

    private static void ValidateStatusRequest(string ticket, long after)
    {
        ScriptTicket.Validate(ticket);
        if (after < 0)
        {
            throw TentacleRequestException.BadRequest($"after must be a sequence number, 0 or more (got {after}).", "after");
        }
    }

    /// <summary>Asks a running script to stop (SIGTERM to its process group, SIGKILL after the grace); its status tells when it has.</summary>
    public ScriptStatus Cancel(string ticket)
    {
        ScriptTicket.Validate(ticket);
        var run = Find(ticket);
        if (run.IsRunning)
        {
            LogCancelRequested(_logger, ticket);
            run.Cancellation.Cancel();
        }

        return Status(run, after: 0, max: 0);
    }

    /// <summary>
    /// The server has everything: stops the script if it still runs, then deletes its workspace and journal.
    /// Completing an unknown ticket does nothing, so a retried call after a lost answer succeeds.
    /// </summary>
    public async Task CompleteAsync(string ticket, CancellationToken cancellationToken)
    {
        ScriptTicket.Validate(ticket);
        ScriptRun? run;
        lock (_gate)
        {
            run = FindLocked(ticket);
        }

        if (run is not null)
        {
            await run.Cancellation.CancelAsync();
            await run.Completion.WaitAsync(cancellationToken);
            lock (_gate)
            {
                _runs.Remove(ticket);
            }

            run.Dispose();
        }

        Delete(ticket);
        LogCompleted(_logger, ticket);
    }

    /// <summary>The workspace of a ticket, created when missing (files may be uploaded before the script starts).</summary>
    public string Workspace(string ticket)
    {
        var workspace = _home.Workspace(ScriptTicket.Validate(ticket));
        TentacleHome.CreatePrivate(_home.WorkFolder);
        TentacleHome.CreatePrivate(workspace);
        return workspace;
    }

    /// <summary>Forgets a ticket that is not running, so the janitor may delete its folders; false while it runs.</summary>
    public bool TryForget(string ticket)
    {
        lock (_gate)
        {
            if (_runs.TryGetValue(ticket, out var run))
            {
                if (run.IsRunning)
                {
                    return false;
                }

                _runs.Remove(ticket);
                run.Dispose();
            }

            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        ScriptRun[] runs;
        lock (_gate)
        {
            runs = [.. _runs.Values];
        }

        foreach (var run in runs.Where(r => r.IsRunning))
        {
            LogStoppingScript(_logger, run.Ticket);
            await run.Cancellation.CancelAsync();
        }

        await Task.WhenAll(runs.Select(r => r.Completion)).WaitAsync(TentacleTimeoutsAndLimits.ShutdownWait)
            .ContinueWith(_ => { }, TaskScheduler.Default);
        foreach (var run in runs)
        {
            run.Dispose();
        }
    }
}
