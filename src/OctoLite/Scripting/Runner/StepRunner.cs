using System.Globalization;
using System.Runtime.ExceptionServices;
using OctoLite.Domain;
using OctoLite.Scripting.Bootstrap;
using OctoLite.Scripting.Masking;
using OctoLite.Scripting.Processes;
using OctoLite.Scripting.RunAs;
using OctoLite.Scripting.Variables;

namespace OctoLite.Scripting.Runner;

/// <summary>
/// Runs one run-a-script step, as Calamari does for Octopus: substitutes <c>#{Name}</c> in the script, writes it
/// with its bootstrap into the working folder, runs it as a child process in its own process group, and turns
/// its output into masked log lines, output variables, progress and artifacts.
/// </summary>
/// <remarks>
/// <para>
/// Variables reach the script two ways: the helper functions of its language (<c>get_octopusvariable</c> and
/// friends, see <see cref="ScriptBootstrapper"/>), and environment variables named after them with every
/// character outside <c>[A-Za-z0-9_]</c> turned into '_' (<c>Octopus.Task.Id</c> → <c>Octopus_Task_Id</c>). When
/// names collide, a variable whose name needs no change wins, then the name last in ordinal order; oversized
/// values are left out of the environment (see <see cref="StepEnvironment"/>). Values are evaluated first
/// (<see cref="StepVariables"/>). The environment is otherwise <see cref="ScriptEnvironment"/>'s clean set.
/// </para>
/// <para>
/// Output rules (levels, service messages, masking) are <see cref="ScriptOutputFilter"/>'s; artifact rules
/// (relative paths, regular files only, clashing names suffixed <c>-2</c>) are <see cref="ArtifactRequests"/>'.
/// </para>
/// <para>
/// Outcome: a non-zero exit code fails the step, with the <c>fail_step</c> reason when one was given; with
/// <c>Octopus.Action.FailScriptOnErrorOutput</c> True, any stderr line logged as an error fails it too.
/// Cancellation and <see cref="StepRunRequest.Timeout"/> stop the whole process group (SIGTERM, then SIGKILL
/// after <see cref="StepRunRequest.TerminationGrace"/>). The bootstrap files, which hold sensitive values in
/// clear, are deleted when the script ends, before artifacts are resolved; the working folder is left alone.
/// </para>
/// <para>
/// Failure is data: every outcome is a <see cref="StepRunResult"/>. Exceptions mean a caller's bug (an invalid
/// request, or a <see cref="StepRunRequest.WrapCommand"/> returning no program) or a failing sink: if
/// <see cref="IStepOutput"/> throws, the script is stopped and that exception is rethrown.
/// </para>
/// <para>
/// Another account: with <see cref="StepRunRequest.RunAs"/> the files are handed over to it, the script starts
/// through <c>setpriv</c> as it, and only files it can read become artifacts; without, nothing of that is done.
/// </para>
/// <para>Stateless and thread-safe: one instance runs any number of steps at once.</para>
/// </remarks>
internal sealed class StepRunner
{
    /// <summary>The variable that makes error output fail a step (Octopus's "Treat errors as failures").</summary>
    public const string FailScriptOnErrorOutputVariable = "Octopus.Action.FailScriptOnErrorOutput";

    // After the group is killed the script's exit status and pipes are normally there at once; this bounds the
    // wait for a process the kernel cannot kill yet (uninterruptible sleep on a dead NFS mount).
    private static readonly TimeSpan ExitAfterStop = TimeSpan.FromSeconds(10);

    // The longest a timer can wait; longer timeouts mean no limit in practice.
    private static readonly TimeSpan LongestTimeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>Runs the step described by <paramref name="request"/>; see the remarks on <see cref="StepRunner"/>.</summary>
    /// <param name="request">The step.</param>
    /// <param name="output">Hears every log line, progress report and output variable, already masked; called one at a time.</param>
    /// <param name="cancellationToken">Stops the script (a <see cref="StepOutcome.Canceled"/> result, not an exception).</param>
    /// <exception cref="ArgumentException">The request has no working folder, or a negative timeout or grace.</exception>
    public async Task<StepRunResult> RunAsync(StepRunRequest request, IStepOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(request.Script, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Variables, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.WorkingFolder, nameof(request));
        ArgumentOutOfRangeException.ThrowIfLessThan(request.TerminationGrace, TimeSpan.Zero, nameof(request));
        if (request.Timeout < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(request), request.Timeout, "The step's timeout cannot be negative.");

        var folder = Path.GetFullPath(request.WorkingFolder);
        var masker = new SecretMasker();
        var artifacts = new ArtifactRequests(folder, request.RunAs);
        using var filter = new ScriptOutputFilter(output, masker, artifacts);
        var result = await PrepareAndRunAsync(request, folder, masker, filter, artifacts, cancellationToken).ConfigureAwait(false);
        if (filter.SinkFailure is { } failure)
            ExceptionDispatchInfo.Throw(failure);
        return result;
    }

    private static async Task<StepRunResult> PrepareAndRunAsync(
        StepRunRequest request, string folder, SecretMasker masker, ScriptOutputFilter filter, ArtifactRequests artifacts, CancellationToken cancellationToken)
    {
        var variables = StepVariables.Evaluate(request.Variables, masker);
        var script = VariableSubstitution.Substitute(request.Script, request.Variables);
        masker.AddRange(script.SensitiveValues);
        ReportSubstitution(script, filter);

        var (environment, leftOut) = StepEnvironment.For(variables);
        if (leftOut.Count > 0)
            filter.Note(TaskLogLevel.Verbose, $"Not exported as environment variables (name taken by another variable, value too large or holding NUL; read them with get_octopusvariable): {string.Join(", ", leftOut)}");

        if (cancellationToken.IsCancellationRequested)
            return new StepRunResult(StepOutcome.Canceled, null, "The step was canceled before its script started.", []);

        BootstrapResult bootstrap;
        try
        {
            bootstrap = new ScriptBootstrapper(request.SearchPath).Prepare(request.Syntax, folder, script.Text, variables);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            StepFiles.Delete([Path.Combine(folder, VariablesFile.FileName)], filter);
            return NotStarted(filter, $"Could not write the script's files in {folder}: {e.Message}");
        }
        if (!bootstrap.Succeeded)
            return NotStarted(filter, bootstrap.Error);

        try
        {
            return await RunScriptAsync(request, folder, bootstrap, environment, filter, artifacts, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            StepFiles.Delete(bootstrap.Files, filter); // again, in case the run ended with an exception
        }
    }

    private static async Task<StepRunResult> RunScriptAsync(
        StepRunRequest request, string folder, BootstrapResult bootstrap, Dictionary<string, string> environment,
        ScriptOutputFilter filter, ArtifactRequests artifacts, CancellationToken cancellationToken)
    {
        var argv = request.WrapCommand?.Invoke(bootstrap.Argv) ?? bootstrap.Argv;
        if (request.RunAs is { } account)
        {
            // The files were written into a folder only the server can enter; complete now, they and the folder
            // become the account's, before anything of the account runs.
            var setpriv = RunAsCommand.FindSetpriv(request.SearchPath);
            if (setpriv is null)
                return NotStarted(filter, RunAsCommand.MissingMessage);
            try
            {
                Ownership.HandOver([.. bootstrap.Files, folder], account);
            }
            catch (IOException e)
            {
                return NotStarted(filter, e.Message);
            }

            argv = RunAsCommand.Wrap(setpriv, account, argv);
            environment = RunAsCommand.EnvironmentFor(account, environment);
        }

        ScriptProcess process;
        try
        {
            process = ScriptProcess.Start(new ScriptProcessStartInfo(argv, folder) { Environment = environment }, filter.AcceptUtf8);
        }
        catch (ScriptProcessStartException e)
        {
            return NotStarted(filter, e.Message);
        }

        request.Started?.Invoke(process.ProcessGroupId);

        int? exitCode;
        (StepOutcome Outcome, string Message)? stopped = null;
        await using (process.ConfigureAwait(false))
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, filter.SinkFailed);
            if (request.Timeout is { } timeout && timeout < LongestTimeout)
                wait.CancelAfter(timeout);
            try
            {
                exitCode = await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (wait.IsCancellationRequested)
            {
                stopped = WhyStopped(request, filter, cancellationToken);
                filter.Note(TaskLogLevel.Warning, $"Stopping the script: {char.ToLowerInvariant(stopped.Value.Message[0])}{stopped.Value.Message[1..]}");
                await process.TerminateAsync(request.TerminationGrace, CancellationToken.None).ConfigureAwait(false);
                exitCode = await ExitCodeAfterStopAsync(process).ConfigureAwait(false);
            }
        }

        if (filter.SinkFailure is not null)
            return new StepRunResult(StepOutcome.Failed, exitCode, "", []); // RunAsync rethrows the sink's exception

        StepFiles.Delete(bootstrap.Files, filter); // before artifacts, so the variables file can never be one
        var collected = artifacts.Resolve(warning => filter.Note(TaskLogLevel.Warning, warning));
        var (outcome, message) = stopped ?? Outcome(request, filter, exitCode);
        return new StepRunResult(outcome, exitCode, filter.Mask(message), collected);
    }

    private static (StepOutcome, string) WhyStopped(StepRunRequest request, ScriptOutputFilter filter, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return (StepOutcome.Canceled, "The step was canceled.");
        if (filter.SinkFailure is not null)
            return (StepOutcome.Failed, "The step's output could not be recorded.");
        return (StepOutcome.TimedOut, $"The step timed out after {request.Timeout:c}.");
    }

    private static (StepOutcome, string) Outcome(StepRunRequest request, ScriptOutputFilter filter, int? exitCode)
    {
        if (exitCode != 0)
            return (StepOutcome.Failed, filter.ResultMessage ?? $"The script returned exit code {exitCode?.ToString(CultureInfo.InvariantCulture)}.");
        if (filter.ErrorLines > 0 && IsTrue(request.Variables.GetValue(FailScriptOnErrorOutputVariable)))
        {
            return (StepOutcome.Failed,
                $"The script wrote {filter.ErrorLines} line(s) to standard error, and {FailScriptOnErrorOutputVariable} is True, so the step failed although the script returned exit code 0.");
        }
        return (StepOutcome.Success, "");
    }

    private static async Task<int?> ExitCodeAfterStopAsync(ScriptProcess process)
    {
        using var bound = new CancellationTokenSource(ExitAfterStop);
        try
        {
            return await process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static StepRunResult NotStarted(ScriptOutputFilter filter, string error)
    {
        filter.Note(TaskLogLevel.Error, error);
        return new StepRunResult(StepOutcome.Failed, null, filter.Mask(error), []);
    }

    private static void ReportSubstitution(SubstitutionResult script, ScriptOutputFilter filter)
    {
        if (script.UnknownVariables.Count > 0)
            filter.Note(TaskLogLevel.Verbose, $"The script refers to variables that are not defined; they were left as written: {string.Join(", ", script.UnknownVariables)}");
        if (script.UnsupportedExpressions.Count > 0)
            filter.Note(TaskLogLevel.Verbose, $"OctoLite does not evaluate these expressions in the script; they were left as written: {string.Join(" ", script.UnsupportedExpressions)}");
    }

    private static bool IsTrue(string? value) => value is not null && value.Trim().Equals("True", StringComparison.OrdinalIgnoreCase);
}
