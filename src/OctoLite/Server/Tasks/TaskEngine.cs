using System.Threading.Channels;
using OctoLite.Domain;
using OctoLite.Server.Configuration;
using OctoLite.Server.Health;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Tasks;

/// <summary>
/// The task queue of this node: FIFO, at most <see cref="ServerConfiguration.TaskCap"/> tasks executing at once
/// (read again whenever a slot frees or the configuration changes), none started while the node is drained.
/// Health tasks have slots of their own (<see cref="HealthTimings.TaskSlots"/>) and neither take nor wait for a
/// task-cap slot: tasks waiting for workers may hold every slot of the cap, and a health check may be what brings
/// their workers back. A queued task whose concurrency tag is held by an executing task waits (later tasks may pass
/// it), with a line in its log naming the task it waits on. On start it reconciles what a previous process left: tasks that were
/// executing are failed with a clear message (their scripts were stopped), except tasks that lost nothing with the
/// server — whose running steps are only awaiting a manual intervention, or following scripts that keep running on
/// tentacles — which are queued again to resume; queued tasks run.
/// </summary>
internal sealed partial class TaskEngine : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownWait = TimeSpan.FromSeconds(15);

    private readonly OctoStore _store;
    private readonly ConfigurationService _configuration;
    private readonly TaskSignals _signals;
    private readonly TaskExecutor _executor;
    private readonly TimeProvider _time;
    private readonly HealthTimings _health;
    private readonly ILogger<TaskEngine> _logger;
    private readonly Lock _gate = new();
    private readonly LinkedList<string> _queue = new();
    private readonly Dictionary<string, Queued> _queued = new(StringComparer.Ordinal);
    private readonly HashSet<string> _announcedWaits = new(StringComparer.Ordinal);
    private readonly InterruptionBroker _interruptions;
    private readonly Dictionary<string, TaskRun> _running = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    public TaskEngine(
        OctoStore store, ConfigurationService configuration, TaskSignals signals, TaskExecutor executor, InterruptionBroker interruptions, HealthTimings health, TimeProvider time, ILogger<TaskEngine> logger)
    {
        _health = health;
        _interruptions = interruptions;
        _store = store;
        _configuration = configuration;
        _signals = signals;
        _executor = executor;
        _time = time;
        _logger = logger;
        _configuration.Changed += Wake;
    }

    /// <summary>The name tasks record as their <see cref="ServerTask.ServerNode"/>.</summary>
    public static string NodeName => Environment.MachineName;

    /// <summary>Reconciles the store with a fresh start and begins dispatching.</summary>
    public void Start()
    {
        var queued = Reconcile();
        lock (_gate)
        {
            foreach (var (id, tag, kind) in queued)
            {
                if (_queued.TryAdd(id, new Queued(tag, kind == TaskKind.Health)))
                {
                    _queue.AddLast(id);
                }
            }
        }

        _loop = Task.Run(DispatchAsync);
        Wake();
    }

    public void Enqueue(string taskId, string concurrencyTag, TaskKind kind)
    {
        lock (_gate)
        {
            if (_queued.TryAdd(taskId, new Queued(concurrencyTag, kind == TaskKind.Health)))
            {
                _queue.AddLast(taskId);
            }
        }

        Wake();
    }

    /// <summary>
    /// Marks an executing task as being canceled, so the executor's writes keep it Cancelling. Called inside the
    /// store transaction that sets Cancelling; <see cref="Cancel"/> then stops it, outside that transaction.
    /// </summary>
    public void MarkCanceling(string taskId, Actor who) => Running(taskId)?.MarkStopping(StopReason.Canceled, who.Name);

    /// <summary>Stops an executing task (a queued one is canceled in the store by <see cref="TaskService.Cancel"/>).</summary>
    public void Cancel(string taskId, Actor who) => Running(taskId)?.Stop(StopReason.Canceled, who.Name);

    /// <summary>Whether the task is executing on this node now.</summary>
    public bool IsRunning(string taskId) => Running(taskId) is not null;

    /// <summary>Whether the task is executing here and being stopped (canceled, timed out, or the server is stopping).</summary>
    public bool IsStopping(string taskId) => Running(taskId) is { Reason: not StopReason.None };

    private TaskRun? Running(string taskId)
    {
        lock (_gate)
        {
            return _running.GetValueOrDefault(taskId);
        }
    }

    public TaskQueueStatus Status()
    {
        var configuration = _configuration.Get();
        lock (_gate)
        {
            return new TaskQueueStatus(_queue.Count, _running.Count, configuration.TaskCap, configuration.IsDraining);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _configuration.Changed -= Wake;
        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        List<TaskRun> running;
        lock (_gate)
        {
            running = _running.Values.ToList();
        }

        foreach (var run in running)
        {
            run.Stop(StopReason.ServerStopping);
        }

        var all = Task.WhenAll(running.Select(r => r.Execution));
        if (await Task.WhenAny(all, Task.Delay(ShutdownWait, _time)) != all)
        {
            LogShutdownAbandoned(_logger, running.Count(r => !r.Execution.IsCompleted));
        }

        _stopping.Dispose();
    }

    private void Wake() => _wake.Writer.TryWrite(true);

    private async Task DispatchAsync()
    {
        var token = _stopping.Token;
        try
        {
            while (await _wake.Reader.WaitToReadAsync(token))
            {
                _wake.Reader.TryRead(out _);
                var configuration = _configuration.Get();
                var healthSlots = Math.Max(1, _health.TaskSlots);
                var starting = new List<TaskRun>();
                var waits = new List<(string TaskId, TaskRun Holder)>();
                lock (_gate)
                {
                    var node = _queue.First;
                    var (tasks, checks) = (_running.Values.Count(r => !r.IsHealth), _running.Values.Count(r => r.IsHealth));
                    while (!configuration.IsDraining && (tasks < configuration.TaskCap || checks < healthSlots) && node is not null)
                    {
                        var next = node.Next;
                        var (tag, isHealth) = _queued[node.Value];
                        var holder = tag.Length == 0 ? null : _running.Values.FirstOrDefault(r => r.ConcurrencyTag == tag)
                            ?? starting.FirstOrDefault(r => r.ConcurrencyTag == tag);
                        if (isHealth ? checks >= healthSlots : tasks >= configuration.TaskCap)
                        {
                            // No slot of its kind: it keeps its place while tasks of the other kind start.
                        }
                        else if (holder is not null)
                        {
                            if (_announcedWaits.Add(node.Value))
                            {
                                waits.Add((node.Value, holder));
                            }
                        }
                        else
                        {
                            _queue.Remove(node);
                            _queued.Remove(node.Value);
                            _announcedWaits.Remove(node.Value);
                            var run = new TaskRun(node.Value, tag) { IsHealth = isHealth };
                            _running.Add(run.TaskId, run);
                            starting.Add(run);
                            (tasks, checks) = isHealth ? (tasks, checks + 1) : (tasks + 1, checks);
                        }

                        node = next;
                    }
                }

                foreach (var (taskId, holder) in waits)
                {
                    AnnounceWait(taskId, holder);
                }

                foreach (var run in starting)
                {
                    run.Execution = Task.Run(() => RunAsync(run));
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RunAsync(TaskRun run)
    {
        try
        {
            var task = _store.Write(s =>
            {
                var current = s.Tasks.Get(run.TaskId);
                if (current is not { State: TaskState.Queued })
                {
                    return null; // canceled (or gone) while it waited
                }

                var executing = current with { State = TaskState.Executing, StartTime = current.StartTime ?? _time.GetUtcNow(), ServerNode = NodeName };
                s.Tasks.Update(executing);
                return executing;
            });
            if (task is not null)
            {
                _signals.Pulse(task.Id);
                LogTaskStarted(_logger, task.Id, task.Description);
                var ended = await _executor.ExecuteAsync(task, run);
                if (ended.State == TaskState.Queued)
                {
                    LogTaskRequeued(_logger, ended.Id);
                }
                else
                {
                    LogTaskEnded(_logger, ended.Id, ended.State, (ended.CompletedTime - ended.StartTime)?.TotalSeconds ?? 0, ended.ErrorMessage);
                }
            }
        }
        catch (Exception e)
        {
            LogTaskCrashed(_logger, run.TaskId, e);
            FailAfterCrash(run.TaskId, e);
        }
        finally
        {
            lock (_gate)
            {
                _running.Remove(run.TaskId);
            }

            run.Dispose();
            _interruptions.Forget(run.TaskId);
            _signals.Pulse(run.TaskId);
            Wake();
        }
    }

    /// <summary>The executor itself failed (e.g. the store could not be written): the task must still end in a definite state.</summary>
    private void FailAfterCrash(string taskId, Exception e)
    {
        try
        {
            _store.Write(s =>
            {
                if (s.Tasks.Get(taskId) is { IsCompleted: false } task)
                {
                    var lastLine = s.TaskLog.LastSequence(taskId);
                    s.TaskLog.Append(taskId, [Line(lastLine + 1, TaskLogLevel.Fatal, $"The task failed inside the server: {e.Message}")]);
                    s.Tasks.Update(Ended(task, TaskState.Failed, $"The task failed inside the server: {e.Message}", lastLine + 1));
                }

                return true;
            });
        }
        catch (Exception storeFailure) when (storeFailure is LiteDB.LiteException or IOException)
        {
            LogTaskCrashed(_logger, taskId, storeFailure);
        }
    }

    /// <summary>Tells a waiting task's log (once) which task holds its concurrency tag.</summary>
    private void AnnounceWait(string taskId, TaskRun holder)
    {
        _store.Write(s =>
        {
            if (s.Tasks.Get(taskId) is { State: TaskState.Queued } task)
            {
                var holderTask = s.Tasks.Get(holder.TaskId);
                var sequence = s.TaskLog.LastSequence(taskId) + 1;
                s.TaskLog.Append(taskId, [Line(sequence, TaskLogLevel.Info,
                    $"Waiting for {holder.TaskId} ({holderTask?.Description ?? "another task"}) to finish: tasks with the concurrency tag '{holder.ConcurrencyTag}' run one at a time.")]);
                s.Tasks.Update(task with { LogLineCount = sequence });
            }

            return true;
        });
        _signals.Pulse(taskId);
    }

    private TaskLogLine Line(long sequence, TaskLogLevel level, string text) =>
        new() { Sequence = sequence, Time = _time.GetUtcNow(), Level = level, Block = "", Text = text };

    private ServerTask Ended(ServerTask task, TaskState state, string message, long lines) => task with
    {
        State = state,
        CompletedTime = _time.GetUtcNow(),
        ErrorMessage = message,
        HasWarningsOrErrors = true,
        LogLineCount = lines,
        Steps = task.Steps.Select(step => step.State switch
        {
            TaskStepState.Running => step with { State = state == TaskState.Canceled ? TaskStepState.Canceled : TaskStepState.Failed, CompletedTime = _time.GetUtcNow(), ErrorMessage = message },
            TaskStepState.Pending => step with { State = TaskStepState.Skipped },
            _ => step,
        }).ToList(),
    };

    /// <summary>A queued task as the queue needs it: its concurrency tag ("" for none), and whether it is a Health task.</summary>
    private sealed record Queued(string Tag, bool IsHealth);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} started: {Description}")]
    private static partial void LogTaskStarted(ILogger logger, string taskId, string description);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} ended {State} after {Seconds:0.0} s {ErrorMessage}")]
    private static partial void LogTaskEnded(ILogger logger, string taskId, TaskState state, double seconds, string errorMessage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} was waiting for a worker as the server stopped; it is queued again")]
    private static partial void LogTaskRequeued(ILogger logger, string taskId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Task {TaskId} failed inside the server")]
    private static partial void LogTaskCrashed(ILogger logger, string taskId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId} was running when the server last stopped; marked as ended")]
    private static partial void LogReconciled(ILogger logger, string taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} task(s) did not stop within the shutdown wait; they will be reconciled on the next start")]
    private static partial void LogShutdownAbandoned(ILogger logger, int count);
}
