using System.Diagnostics;

namespace OctoLite.Benchmarks;

/// <summary>
/// A server for the task scenarios: <c>server run</c> on a fresh data dir, ready once <c>server info</c> answers,
/// driven through <see cref="Api"/>, with one project (<see cref="Project"/>) for the scenario's runbooks.
/// Disposing SIGTERMs it (killing it if it will not stop) and removes its data dir.
/// </summary>
/// <remarks>
/// The server starts in an empty working directory of its own. ASP.NET Core's configuration reload watches the
/// working directory recursively (inotify), so started in the repository it would wake for every file another
/// build writes, and started above its data dir for every page the store writes: noise that is not the task
/// engine's. That cost is real for a server started in <c>/</c>, and is reported apart (docs/benchmarks.md).
/// </remarks>
internal sealed class TaskServer : IAsyncDisposable
{
    public const string Project = "Bench";

    private readonly ScratchDirectory _scratch;
    private readonly RunningProcess _process;
    private readonly TextWriter _progress;

    private TaskServer(ScratchDirectory scratch, RunningProcess process, ServerApi api, TextWriter progress)
    {
        _scratch = scratch;
        _process = process;
        Api = api;
        _progress = progress;
    }

    public ServerApi Api { get; }

    /// <summary>The server's last output, for messages.</summary>
    public string Output => _process.Output;

    public static async Task<TaskServer> StartAsync(string binary, TextWriter progress, CancellationToken cancellationToken)
    {
        var scratch = new ScratchDirectory();
        RunningProcess? process = null;
        try
        {
            var dataDirectory = scratch.CreateDataDirectory();
            process = RunningProcess.Start(binary, ServerCommand.Arguments(dataDirectory), scratch.CreateWorkingDirectory());
            await new ServerReadiness(binary).WaitAsync(process, dataDirectory, cancellationToken);
            var server = new TaskServer(scratch, process, new ServerApi(ServerCommand.SocketPath(dataDirectory)), progress);
            await server.Api.CreateProjectAsync(Project, cancellationToken);
            return server;
        }
        catch
        {
            process?.Dispose();
            scratch.Dispose();
            throw;
        }
    }

    /// <summary>Adds a runbook of one bash step to <see cref="Project"/>, on the default pool (the built-in worker).</summary>
    public Task CreateRunbookAsync(string name, string script, CancellationToken cancellationToken) =>
        Api.CreateRunbookAsync(Project, name, script, null, cancellationToken);

    /// <summary>Adds a runbook of one bash step to <see cref="Project"/>, on <paramref name="workerPool"/>.</summary>
    public Task CreateRunbookAsync(string name, string script, string workerPool, CancellationToken cancellationToken) =>
        Api.CreateRunbookAsync(Project, name, script, workerPool, cancellationToken);

    public Task<string> QueueAsync(string runbook, CancellationToken cancellationToken) =>
        Api.QueueRunAsync(Project, runbook, cancellationToken);

    /// <summary>
    /// Queues a run of <paramref name="runbook"/> and waits for it to succeed; the wall time runs from just before the
    /// queue request until <c>/wait</c> answers (it answers on completion, so no polling delay is in it).
    /// </summary>
    public async Task<(FinishedTask Task, TimeSpan Wall)> RunTimedAsync(string runbook, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var id = await QueueAsync(runbook, cancellationToken);
        var task = await WaitForSuccessAsync(id, cancellationToken);
        return (task, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Waits for the task to finish; anything but Success is a failed measurement, quoting the task's log.</summary>
    public async Task<FinishedTask> WaitForSuccessAsync(string taskId, CancellationToken cancellationToken)
    {
        var task = await Api.WaitAsync(taskId, cancellationToken);
        if (!task.Succeeded)
        {
            var tail = await Api.LogTailAsync(taskId, task.LogLineCount, cancellationToken);
            throw new MeasurementException($"Task {taskId} ended {task.State}: {task.ErrorMessage}\nThe end of its log:\n{tail}");
        }

        return task;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        try
        {
            await ServerCommand.StopAsync(_process, _process.Id, _progress, CancellationToken.None);
        }
        finally
        {
            _process.Dispose();
            _scratch.Dispose();
        }
    }
}
