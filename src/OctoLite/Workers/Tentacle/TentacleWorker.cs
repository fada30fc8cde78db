using OctoLite.Domain;
using OctoLite.Hosting;
using OctoLite.Scripting.Runner;
using OctoLite.Tentacle.Protocol;
using OctoLite.Workers.Tentacle.Errors;

namespace OctoLite.Workers.Tentacle;

/// <summary>
/// Runs steps on tentacles, listening (TentaclePassive) or polling (TentacleActive), as the built-in worker runs them in-process: the
/// same request in (script, variables, timeout), the same reports out. The tentacle runs the same step runner, so
/// masking happens there, before a line leaves the machine. Artifacts are downloaded into
/// <c>&lt;data dir&gt;/work/&lt;taskId&gt;/&lt;folder&gt;.downloads</c>, handed to the collector, then deleted.
/// </summary>
internal sealed partial class TentacleWorker(TentacleClients clients, DataPaths paths, TimeProvider time, ILogger<TentacleWorker> logger)
{
    /// <summary>The ticket of one invocation: unique per task, step and target, so a repeated start runs nothing twice.</summary>
    public static string Ticket(string taskId, string folderName) => $"{taskId}.{folderName}";

    /// <param name="worker">A TentaclePassive worker.</param>
    /// <param name="startRetryLimit">How long to keep trying to reach the tentacle before the step fails "worker unavailable".</param>
    /// <param name="taskId">The task, for the ticket and the download folder.</param>
    /// <param name="folderName">The invocation's name within the task (the step id, with the target id when per target).</param>
    /// <param name="request">The step; its <see cref="StepRunRequest.Started"/> (a local process group) is not called.</param>
    /// <param name="started">Called once the tentacle has accepted the script.</param>
    /// <param name="following">Start the script, or follow again one a previous server process started; and whether a stop leaves it running.</param>
    public async Task<TentacleRunResult> RunAsync(
        Worker worker, TimeSpan startRetryLimit, string taskId, string folderName, StepRunRequest request, Func<StepArtifact, Task> collect, IStepOutput output, Action? started, TentacleFollowing following, CancellationToken cancellationToken)
    {
        var client = ClientFor(worker, startRetryLimit, out var where);
        if (client is null)
        {
            var message = $"Worker '{worker.Name}' has no usable {worker.Endpoint.CommunicationStyle} endpoint (Uri '{worker.Endpoint.Uri}', thumbprint '{worker.Endpoint.Thumbprint}'); fix it with `octolite worker update`.";
            output.Line(TaskLogLevel.Error, message);
            return new TentacleRunResult(new StepRunResult(StepOutcome.Failed, null, message, []), null);
        }

        var command = new StartScriptCommand
        {
            Ticket = Ticket(taskId, folderName),
            Syntax = request.Syntax.ToString(),
            Script = request.Script,
            Variables = request.Variables.Select(v => new WireVariable(v.Name, v.Value, v.IsSensitive)).ToList(),
            Timeout = request.Timeout,
        };
        var downloads = Path.Combine(paths.WorkFolder, taskId, folderName + ".downloads");
        output.Line(TaskLogLevel.Verbose, $"Running on worker {worker.Name}, {where}, as ticket {command.Ticket}");
        try
        {
            var run = new TentacleScriptRun(client, clients.Timeouts, time);
            var ended = await run.RunAsync(command, startRetryLimit, downloads, output, started, following, cancellationToken);
            foreach (var artifact in ended.Result.Artifacts)
            {
                await collect(artifact);
            }

            if (ended.Failure is { } failure)
            {
                Log(worker, command.Ticket, failure);
            }

            return ended;
        }
        finally
        {
            Remove(downloads, Path.GetDirectoryName(downloads)!);
        }
    }

    /// <summary>The client for a listening (TentaclePassive) or polling (TentacleActive) worker; null when its endpoint is unusable.</summary>
    /// <param name="pickupTimeout">For a polling worker, how long a call waits for its poll.</param>
    /// <param name="where">The endpoint, for people: "a listening tentacle at …" or "a polling tentacle (poll://…)".</param>
    public TentacleClient? ClientFor(Worker worker, TimeSpan pickupTimeout, out string where)
    {
        where = "";
        var endpoint = worker.Endpoint;
        if (!SelfSignedCertificates.IsThumbprint(endpoint.Thumbprint))
        {
            return null;
        }

        switch (endpoint.CommunicationStyle)
        {
            case CommunicationStyle.TentaclePassive when Uri.TryCreate(endpoint.Uri, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps:
                where = $"a listening tentacle at {uri}";
                return clients.For(uri, endpoint.Thumbprint!);
            case CommunicationStyle.TentacleActive when TentacleProtocol.SubscriptionOf(endpoint.Uri) is { } subscription:
                where = $"a polling tentacle ({endpoint.Uri})";
                return clients.ForPolling(subscription, endpoint.Thumbprint!, pickupTimeout);
            default:
                return null;
        }
    }

    private void Log(Worker worker, string ticket, TentacleException failure)
    {
        switch (failure)
        {
            case TentacleCertificateMismatchException mismatch:
                LogCertificateMismatch(logger, worker.Name, mismatch.Tentacle, mismatch.Presented, mismatch.Expected, ticket);
                break;
            case TentacleUntrustedException:
                LogUntrusted(logger, worker.Name, failure.Tentacle, ticket);
                break;
            default:
                LogFailed(logger, worker.Name, failure.Tentacle, ticket, failure.Message);
                break;
        }
    }

    private static void Remove(string folder, string taskFolder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            if (Directory.Exists(taskFolder) && !Directory.EnumerateFileSystemEntries(taskFolder).Any())
            {
                Directory.Delete(taskFolder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another step of the task is using the task folder; it removes it.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker {Worker}: the tentacle at {Uri} presented certificate {Presented}, expected {Expected} (ticket {Ticket}); not retried")]
    private static partial void LogCertificateMismatch(ILogger logger, string worker, Uri uri, string presented, string expected, string ticket);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker {Worker}: the tentacle at {Uri} refused this server's certificate (ticket {Ticket}); not retried")]
    private static partial void LogUntrusted(ILogger logger, string worker, Uri uri, string ticket);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker {Worker}: a step on the tentacle at {Uri} failed (ticket {Ticket}): {Reason}")]
    private static partial void LogFailed(ILogger logger, string worker, Uri uri, string ticket, string reason);
}
