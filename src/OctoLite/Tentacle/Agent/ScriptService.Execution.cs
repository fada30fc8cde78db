using OctoLite.Domain;
using OctoLite.Scripting.Processes;
using OctoLite.Scripting.Runner;
using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent;

/// <summary>Running one script: its folders, the step runner, its artifacts, and its final status.</summary>
internal sealed partial class ScriptService
{
    /// <summary>Where artifacts the script keeps outside its workspace are copied so the server can download them.</summary>
    public const string CopiedArtifactsFolder = ".octolite-artifacts";

    /// <summary>Creates the ticket's journal and workspace and records it as running. Called under the lock.</summary>
    private ScriptRun Begin(string ticket)
    {
        var folder = _home.Journal(ticket);
        TentacleHome.CreatePrivate(_home.JournalFolder);
        Directory.CreateDirectory(folder, TentacleHome.OwnerOnlyFolder);
        Workspace(ticket);
        var journal = ScriptJournal.Create(folder, _options.Time);
        var run = new ScriptRun(ticket, folder, journal, new ScriptRecord { Ticket = ticket, State = ScriptState.Running, StartedAt = _options.Time.GetUtcNow() });
        run.Update(run.Record, durable: false);
        return run;
    }

    private async Task ExecuteAsync(ScriptRun run, StepRunRequest request)
    {
        var workspace = _home.Workspace(run.Ticket);
        var output = new JournalOutput(run.Journal);
        var flusher = JournalFlusher.Start(run.Journal, _options.Time);
        StepRunResult result;
        try
        {
            result = await _runner.RunAsync(request with
            {
                WorkingFolder = workspace,
                TerminationGrace = _options.TerminationGrace,
                SearchPath = _options.SearchPath,
                Started = group => run.Update(run.Record with { ProcessGroupId = group, ProcessStartTime = ProcessGroup.StartTime(group) }, durable: false),
            }, output, run.Cancellation.Token);
            foreach (var artifact in result.Artifacts)
            {
                output.Artifact(artifact.Name, ServableArtifactPath(workspace, artifact));
            }
        }
        catch (Exception e)
        {
            // A failing journal (disk full) or a bug: the ticket still ends in a definite state.
            LogScriptCrashed(_logger, run.Ticket, e);
            result = new StepRunResult(StepOutcome.Failed, null, $"The tentacle could not run the script: {e.Message}", []);
            TryAppend(output, TaskLogLevel.Error, result.ErrorMessage);
        }

        await flusher.DisposeAsync();
        long last;
        try
        {
            last = run.Journal.Close();
        }
        catch (IOException e)
        {
            LogScriptCrashed(_logger, run.Ticket, e);
            last = run.Journal.DurableSequence;
        }

        run.Update(run.Record with
        {
            State = ScriptState.Complete,
            Outcome = result.Outcome.ToString(),
            ExitCode = result.ExitCode,
            ErrorMessage = result.ErrorMessage,
            LastSequence = last,
            CompletedAt = _options.Time.GetUtcNow(),
            ProcessGroupId = null,
            ProcessStartTime = null,
        });
        LogScriptEnded(_logger, run.Ticket, result.Outcome.ToString(), result.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none", last);
    }

    /// <summary>
    /// The artifact's path relative to the workspace when the files route can serve it from there; otherwise (kept
    /// from outside the workspace, or through a link leading out of it) a copy under <see cref="CopiedArtifactsFolder"/>.
    /// </summary>
    private static string ServableArtifactPath(string workspace, StepArtifact artifact)
    {
        var relative = Path.GetRelativePath(workspace, artifact.Path);
        if (!Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal))
        {
            try
            {
                WorkspacePath.Resolve(workspace, relative);
                return relative;
            }
            catch (TentacleRequestException)
            {
                // leads out of the workspace: copy it in
            }
        }

        var folder = Path.Combine(workspace, CopiedArtifactsFolder);
        TentacleHome.CreatePrivate(folder);
        var copy = Path.Combine(folder, Path.GetFileName(artifact.Name));
        File.Copy(artifact.Path, copy, overwrite: true);
        return Path.GetRelativePath(workspace, copy);
    }

    private static void TryAppend(JournalOutput output, TaskLogLevel level, string text)
    {
        try
        {
            output.Line(level, text);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // the journal is what failed; the status file still records the outcome
        }
    }

    private void Delete(string ticket)
    {
        foreach (var folder in new[] { _home.Workspace(ticket), _home.Journal(ticket) })
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogDeleteFailed(_logger, folder, e.Message);
            }
        }
    }
}
