using OctoLite.Domain;
using OctoLite.Scripting.Variables;
using OctoLite.Server.Environments;
using OctoLite.Server.Projects;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Tasks;

/// <summary>Queuing: a task snapshots what it will run (process, environment, concurrency tag) when it is queued.</summary>
internal sealed partial class TaskService
{
    /// <summary>The variable that overrides a task's concurrency tag, as in Octopus.</summary>
    public const string ConcurrencyTagVariable = "Octopus.Task.ConcurrencyTag";
    public const string DefaultDeploymentConcurrencyTag = "#{Octopus.Project.Id}/#{Octopus.Environment.Id}";

    public Result<ServerTask> QueueRunbookRun(string runbookIdOrName, string? project, RunbookRunRequest request, Actor who)
    {
        if (CheckTimeout(request.Timeout) is { } invalid)
        {
            return invalid;
        }

        return Queue(s =>
        {
            var runbook = RunbookService.Find(s, runbookIdOrName, project);
            if (!runbook.IsSuccess)
            {
                return runbook.Problem;
            }

            var owner = s.Projects.Get(runbook.Value.ProjectId);
            DeploymentEnvironment? environment = null;
            if (!string.IsNullOrWhiteSpace(request.EnvironmentId))
            {
                var found = EnvironmentService.Find(s, request.EnvironmentId);
                if (!found.IsSuccess)
                {
                    return found.Problem with { Field = "EnvironmentId" };
                }

                environment = found.Value;
            }

            var description = $"Run runbook {runbook.Value.Name} of project {owner?.Name ?? runbook.Value.ProjectId}" + (environment is null ? "" : $" in {environment.Name}");
            var task = NewTask(s, TaskKind.RunbookRun, description, runbook.Value.ProjectId, runbook.Value.Process, request.Timeout, who) with
            {
                RunbookId = runbook.Value.Id,
                EnvironmentId = environment?.Id ?? "",
            };
            // Tasks of one project in one environment run one at a time, runbook runs included; a run without an
            // environment has a tag only when its variables set one.
            var tag = ConcurrencyTag(task, owner, environment, VariableService.Stored(s, runbook.Value.ProjectId), environment is null ? "" : DefaultDeploymentConcurrencyTag);
            return (task with { ConcurrencyTag = tag }, $"Runbook: {runbook.Value.Id}" + (environment is null ? "" : $"; Environment: {environment.Id}"));
        }, who);
    }

    public Result<ServerTask> QueueDeployment(DeploymentRequest request, Actor who)
    {
        if (CheckTimeout(request.Timeout) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(request.ReleaseId))
        {
            return Problem.Invalid("ReleaseId", "ReleaseId is required: the release's id, or its version together with ProjectId.");
        }

        if (string.IsNullOrWhiteSpace(request.EnvironmentId))
        {
            return Problem.Invalid("EnvironmentId", "EnvironmentId is required: the id or name of the environment to deploy to.");
        }

        return Queue(s =>
        {
            var release = ReleaseService.Find(s, request.ReleaseId, string.IsNullOrWhiteSpace(request.ProjectId) ? null : request.ProjectId);
            if (!release.IsSuccess)
            {
                return release.Problem with { Field = release.Problem.Field ?? "ReleaseId" };
            }

            var environment = EnvironmentService.Find(s, request.EnvironmentId);
            if (!environment.IsSuccess)
            {
                return environment.Problem with { Field = "EnvironmentId" };
            }

            var process = release.Value.Process;
            var skipped = new List<string>();
            foreach (var skip in request.SkipActions ?? [])
            {
                var step = process.Steps.FirstOrDefault(x => string.Equals(x.Id, skip.Trim(), StringComparison.OrdinalIgnoreCase) || Names.Same(x.Name, skip.Trim()));
                if (step is null)
                {
                    return Problem.Invalid("SkipActions", $"SkipActions: release {release.Value.Version} has no step '{skip}'. Its steps: {ProjectService.StepNames(process)}.");
                }

                if (step.Required)
                {
                    return Problem.Invalid("SkipActions", $"SkipActions: step '{step.Name}' is required and cannot be skipped.");
                }

                skipped.Add(step.Id);
            }

            var owner = s.Projects.Get(release.Value.ProjectId);
            var description = $"Deploy {owner?.Name ?? release.Value.ProjectId} release {release.Value.Version} to {environment.Value.Name}";
            var task = NewTask(s, TaskKind.Deploy, description, release.Value.ProjectId, process, request.Timeout, who) with
            {
                ReleaseId = release.Value.Id,
                EnvironmentId = environment.Value.Id,
                SkippedStepIds = skipped,
            };
            var tag = ConcurrencyTag(task, owner, environment.Value, release.Value.Variables, DefaultDeploymentConcurrencyTag);
            return (task with { ConcurrencyTag = tag }, $"Release: {release.Value.Id}; Environment: {environment.Value.Id}"
                + (skipped.Count == 0 ? "" : $"; skipped steps: {string.Join(", ", skipped)}"));
        }, who);
    }

    private Result<ServerTask> Queue(Func<StoreSession, Result<(ServerTask Task, string Details)>> build, Actor who)
    {
        var queued = store.Write<Result<ServerTask>>(s =>
        {
            var built = build(s);
            if (!built.IsSuccess)
            {
                return built.Problem;
            }

            var task = built.Value.Task;
            s.Tasks.Insert(task);
            audit.Record(s, who, "Queued", DocumentType, task.Id, $"{task.Description} queued", built.Value.Details);
            return task;
        });
        if (queued.IsSuccess)
        {
            engine.Enqueue(queued.Value.Id, queued.Value.ConcurrencyTag, queued.Value.Kind);
        }

        return queued;
    }

    private ServerTask NewTask(StoreSession s, TaskKind kind, string description, string projectId, DeploymentProcess process, TimeSpan? timeout, Actor who) => new()
    {
        Id = s.NextId(IdPrefix),
        Name = kind.ToString(),
        Kind = kind,
        Description = description,
        State = TaskState.Queued,
        QueueTime = time.GetUtcNow(),
        ProjectId = projectId,
        QueuedBy = who.Name,
        Timeout = timeout,
        Process = process,
        Steps = process.Steps.Select(step => new TaskStep { StepId = step.Id, Name = step.Name, Block = step.Id }).ToList(),
    };

    /// <summary>
    /// <c>Octopus.Task.ConcurrencyTag</c> from the variables in scope for the environment, else the default, expanded
    /// with the task's ids. The tag is fixed when the task is queued.
    /// </summary>
    private static string ConcurrencyTag(ServerTask task, Project? project, DeploymentEnvironment? environment, IEnumerable<Variable> variables, string defaultTag)
    {
        var scoped = VariableScoping.Resolve(variables, environment?.Id, []);
        var template = scoped.FirstOrDefault(v => Names.Same(v.Name, ConcurrencyTagVariable) && !v.IsSensitive)?.Value ?? defaultTag;
        if (template.Length == 0)
        {
            return "";
        }

        var context = new ScriptVariableSet(scoped.Where(v => !v.IsSensitive).Select(v => new ScriptVariable(v.Name, v.Value ?? "", false)));
        context.Set("Octopus.Project.Id", task.ProjectId);
        context.Set("Octopus.Project.Name", project?.Name ?? task.ProjectId);
        context.Set("Octopus.Environment.Id", environment?.Id ?? "");
        context.Set("Octopus.Environment.Name", environment?.Name ?? "");
        context.Set("Octopus.Runbook.Id", task.RunbookId);
        context.Set("Octopus.Release.Id", task.ReleaseId);
        return VariableSubstitution.Substitute(template, context).Text.Trim();
    }

    private static Problem? CheckTimeout(TimeSpan? timeout) =>
        timeout is { } value && value <= TimeSpan.Zero ? Problem.Invalid("Timeout", $"Timeout must be positive, e.g. \"00:30:00\" (got {value}).") : null;
}
