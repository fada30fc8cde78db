using OctoLite.Domain;
using OctoLite.Scripting.Runner;
using OctoLite.Tentacle.Protocol;
using OctoLite.Workers.Tentacle.Errors;

namespace OctoLite.Workers.Tentacle;

/// <summary>
/// Runs one script on a listening tentacle and follows it to the end: start (idempotent by ticket, so a start
/// retried after a lost answer runs nothing twice), then status requests from the last sequence delivered, each
/// journal entry passed to the step's <see cref="IStepOutput"/> exactly once and in order, then the artifacts
/// downloaded, then complete (the tentacle deletes the workspace). A script started by a server process that has
/// since stopped is followed again instead of started (<see cref="TentacleFollowing.ResumeAfter"/>).
/// </summary>
/// <remarks>
/// <para>
/// Network trouble is retried with backoff (<see cref="TentacleTimeouts"/>): before the script started, for the
/// start limit the caller gives (the worker's machine policy); once it runs, for
/// <see cref="TentacleTimeouts.LostContactLimit"/>, while the script keeps running on the tentacle. Anything else
/// (a pinned-certificate mismatch, a tentacle that does not trust this server, a refused call) ends the step at once.
/// </para>
/// <para>
/// Cancellation sends cancel (the tentacle stops the process group) and keeps reading the log until the script
/// has ended, for at most <see cref="TentacleTimeouts.CancelDrain"/>; unless the server is stopping and the task will
/// resume (<see cref="TentacleFollowing.DetachOnStop"/>): then the run just stops following, and the script goes on.
/// Calls into the output never overlap. An <see cref="IJournalOutput"/> is given each entry with its sequence.
/// </para>
/// </remarks>
internal sealed class TentacleScriptRun(TentacleClient client, TentacleTimeouts timeouts, TimeProvider time)
{
    private readonly List<ScriptEvent> _artifacts = [];
    private long _delivered;
    // Entries up to here are already in the task's log (a resumed run): read again for their outputs only.
    private long _replayThrough;

    /// <summary>The last journal sequence passed to the output.</summary>
    public long Delivered => _delivered;

    public async Task<TentacleRunResult> RunAsync(
        StartScriptCommand command, TimeSpan startRetryLimit, string downloadFolder, IStepOutput output, Action? started, TentacleFollowing following, CancellationToken cancellationToken)
    {
        var ticket = command.Ticket;
        _replayThrough = following.ResumeAfter ?? 0;
        ScriptStatus? status;
        TentacleException? error;
        try
        {
            (status, error) = following.IsResume
                ? await RetryAsync(token => client.GetStatusAsync(ticket, 0, token), startRetryLimit, cancellationToken)
                : await RetryAsync(token => client.StartScriptAsync(command, token), startRetryLimit, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (following.IsResume)
            {
                // Stopped before the first answer: the loop below detaches or cancels, as it does while following.
                status = new ScriptStatus { Ticket = ticket, State = ScriptState.Running };
                error = null;
            }
            else
            {
                // The start may have reached the tentacle before the answer was lost: make sure nothing runs there.
                await StopQuietlyAsync(ticket);
                return following.DetachOnStop?.Invoke() == true ? Detached() : Ended(StepOutcome.Canceled, null, "The step was canceled before its script started.");
            }
        }

        if (status is null)
        {
            return following.IsResume
                ? Ended(StepOutcome.Failed, null, $"Could not follow the script (ticket {ticket}) again after the server restarted, so its outcome is unknown (it may have ended, or still run, there): {error!.Message}", error)
                : Failed(error!, error!.IsRetryable ? $" (tried for {Seconds(startRetryLimit)})" : "");
        }

        started?.Invoke();
        Deliver(status, output);
        var lostSince = (long?)null;
        var failures = 0;
        var cancelSentAt = (long?)null;
        var pollWait = TimeSpan.Zero;
        while (status.State != ScriptState.Complete)
        {
            if (cancellationToken.IsCancellationRequested && cancelSentAt is null)
            {
                if (following.DetachOnStop?.Invoke() == true)
                {
                    return Detached();
                }

                cancelSentAt = time.GetTimestamp();
                output.Line(TaskLogLevel.Warning, "Stopping the script on the tentacle: the step was canceled.");
                var (stopped, cancelError) = await RetryAsync(token => client.CancelAsync(ticket, token), timeouts.CancelDrain, CancellationToken.None);
                if (stopped is null)
                {
                    return Ended(StepOutcome.Canceled, null, $"The step was canceled, and the tentacle could not be told to stop the script ({cancelError!.Message}); it may still be running there.", cancelError);
                }

                Deliver(stopped, output);
                status = stopped;
                continue;
            }

            if (cancelSentAt is { } sent && time.GetElapsedTime(sent) > timeouts.CancelDrain)
            {
                return Ended(StepOutcome.Canceled, null, $"The step was canceled; the tentacle did not report the script stopped within {Seconds(timeouts.CancelDrain)}.");
            }

            var reading = cancelSentAt is null ? cancellationToken : CancellationToken.None;
            try
            {
                var pause = lostSince is null ? pollWait : timeouts.BackoffFor(failures);
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, time, reading);
                }

                var asked = time.GetTimestamp();
                var next = await client.GetStatusAsync(ticket, _delivered, timeouts.StatusWait, reading);
                // The tentacle holds the request until there is news, so the next one goes at once. An answer with
                // nothing new that came back early is from an agent that does not hold requests: ask it again after a
                // pause, quick at first and slower while the script stays quiet.
                var heldBack = next.Events.Count == 0 && next.State != ScriptState.Complete && time.GetElapsedTime(asked) < timeouts.StatusWait / 2;
                pollWait = !heldBack ? TimeSpan.Zero
                    : pollWait <= TimeSpan.Zero ? timeouts.StatusPollFirst
                    : TimeSpan.FromTicks(Math.Min(pollWait.Ticks * 2, timeouts.StatusPollInterval.Ticks));
                if (lostSince is not null)
                {
                    output.Line(TaskLogLevel.Info, $"Back in contact with the tentacle after {Seconds(time.GetElapsedTime(lostSince.Value))}; its log continues after entry {_delivered}.");
                    lostSince = null;
                    failures = 0;
                }

                Deliver(next, output);
                status = next;
            }
            catch (OperationCanceledException) when (reading.IsCancellationRequested)
            {
                // Canceled while waiting: the next turn sends cancel.
            }
            catch (TentacleException e) when (e.IsRetryable)
            {
                failures++;
                if (lostSince is null)
                {
                    lostSince = time.GetTimestamp();
                    output.Line(TaskLogLevel.Warning, $"Lost contact with the tentacle ({e.Message}); the script keeps running there. Trying again for up to {Seconds(timeouts.LostContactLimit)}.");
                }
                else if (time.GetElapsedTime(lostSince.Value) > timeouts.LostContactLimit)
                {
                    return Failed(e, $"; no contact for {Seconds(timeouts.LostContactLimit)}, the script may still be running there");
                }
            }
            catch (TentacleException e)
            {
                return Failed(e, "");
            }
        }

        var outcome = status.Outcome switch
        {
            "Success" => StepOutcome.Success,
            "Canceled" => StepOutcome.Canceled,
            "TimedOut" => StepOutcome.TimedOut,
            _ => StepOutcome.Failed,
        };
        var artifacts = await DownloadArtifactsAsync(ticket, downloadFolder, output);
        var (_, completeError) = await RetryAsync(async token => { await client.CompleteAsync(ticket, token); return true; }, timeouts.Request, CancellationToken.None);
        if (completeError is not null)
        {
            output.Line(TaskLogLevel.Verbose, $"Could not tell the tentacle to delete the script's workspace ({completeError.Message}); it removes orphaned workspaces itself.");
        }

        var message = outcome == StepOutcome.Success ? "" : status.ErrorMessage;
        return new TentacleRunResult(new StepRunResult(outcome, status.ExitCode, message, artifacts), null);
    }

    private void Deliver(ScriptStatus status, IStepOutput output)
    {
        foreach (var entry in status.Events)
        {
            if (entry.Sequence <= _delivered)
            {
                continue; // already delivered before a retry: never twice
            }

            if (entry.Sequence <= _replayThrough)
            {
                // In the task's log since before a restart: only what was kept in memory is taken again.
                if (entry.Kind is ScriptEventKind.OutputVariable or ScriptEventKind.Artifact)
                {
                    Report(entry, output);
                }
            }
            else if (output is IJournalOutput journal)
            {
                journal.Deliver(entry.Sequence, () => Report(entry, output));
            }
            else
            {
                Report(entry, output);
            }

            _delivered = entry.Sequence;
        }
    }

    private void Report(ScriptEvent entry, IStepOutput output)
    {
        switch (entry.Kind)
        {
            case ScriptEventKind.Line:
                output.Line(Enum.TryParse<TaskLogLevel>(entry.Level, ignoreCase: true, out var level) && Enum.IsDefined(level) ? level : TaskLogLevel.Info, entry.Text);
                break;
            case ScriptEventKind.Progress:
                output.Progress(entry.Percentage, entry.Text);
                break;
            case ScriptEventKind.OutputVariable:
                output.OutputVariable(entry.Name, entry.Value, entry.IsSensitive);
                break;
            case ScriptEventKind.Artifact:
                _artifacts.Add(entry);
                break;
        }
    }

    private async Task<IReadOnlyList<StepArtifact>> DownloadArtifactsAsync(string ticket, string folder, IStepOutput output)
    {
        var downloaded = new List<StepArtifact>();
        for (var i = 0; i < _artifacts.Count; i++)
        {
            var artifact = _artifacts[i];
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var local = Path.Combine(folder, $"{i + 1}");
            var (length, error) = await RetryAsync(token => client.DownloadFileAsync(ticket, artifact.Path, local, token), timeouts.LostContactLimit, CancellationToken.None);
            if (error is not null)
            {
                output.Line(TaskLogLevel.Warning, $"Could not collect artifact {artifact.Name} from {artifact.Path} on the tentacle: {error.Message}");
                continue;
            }

            downloaded.Add(new StepArtifact(local, artifact.Name, length));
        }

        return downloaded;
    }

    private async Task StopQuietlyAsync(string ticket)
    {
        using var limit = new CancellationTokenSource(timeouts.Request);
        try
        {
            await client.CancelAsync(ticket, limit.Token);
            await client.CompleteAsync(ticket, limit.Token);
        }
        catch (Exception e) when (e is TentacleException or OperationCanceledException)
        {
            // Never started there, or unreachable: the tentacle cleans orphaned workspaces itself.
        }
    }

    /// <summary>Calls until it succeeds, a non-retryable error comes, or <paramref name="limit"/> has passed since the first try.</summary>
    private async Task<(T? Value, TentacleException? Error)> RetryAsync<T>(Func<CancellationToken, Task<T>> call, TimeSpan limit, CancellationToken cancellationToken)
    {
        var began = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await call(cancellationToken), null);
            }
            catch (TentacleException e) when (e.IsRetryable)
            {
                var left = limit - time.GetElapsedTime(began);
                if (left <= TimeSpan.Zero)
                {
                    return (default, e);
                }

                var wait = timeouts.BackoffFor(attempt);
                await Task.Delay(wait < left ? wait : left, time, cancellationToken);
            }
            catch (TentacleException e)
            {
                return (default, e);
            }
        }
    }

    private static TentacleRunResult Detached() =>
        Ended(StepOutcome.Canceled, null, "The server is stopping; the script was left running on the tentacle.") with { IsDetached = true };

    private static TentacleRunResult Failed(TentacleException error, string suffix) =>
        Ended(StepOutcome.Failed, null, error.Message + suffix, error);

    private static TentacleRunResult Ended(StepOutcome outcome, int? exitCode, string message, TentacleException? error = null) =>
        new(new StepRunResult(outcome, exitCode, message, []), error);

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.#} s";
}
