using System.Globalization;
using OctoLite.Domain;
using OctoLite.Scripting.Variables;
using OctoLite.Server.Projects;

namespace OctoLite.Server.Tasks;

/// <summary>
/// What a task's steps see, read once when the task starts: the project, the environment and its enabled targets,
/// the variables (the release's snapshot for a deployment, the project's current ones for a runbook run; sensitive
/// values decrypted), and the output variables steps have set so far. Parallel steps add outputs from several
/// threads, so outputs are kept under a lock.
/// </summary>
internal sealed class TaskContext
{
    private readonly Lock _gate = new();
    private readonly List<ScriptVariable> _outputs = [];

    public required ServerTask Task { get; init; }
    public required Project Project { get; init; }
    public DeploymentEnvironment? Environment { get; init; }
    public Release? Release { get; init; }
    public Runbook? Runbook { get; init; }
    /// <summary>Enabled targets in the task's environment (none without an environment).</summary>
    public required IReadOnlyList<DeploymentTarget> Targets { get; init; }
    /// <summary>Every value of every variable, with its scope; sensitive ones decrypted.</summary>
    public required IReadOnlyList<Variable> Variables { get; init; }

    /// <summary>The workers the task leased when it started (set before its first step); null until then.</summary>
    public TaskWorkers? Workers { get; set; }

    /// <summary>The first failure so far ("" for none): <c>Octopus.Deployment.Error</c> for the steps that start from now on.</summary>
    public string Failure
    {
        get
        {
            lock (_gate)
            {
                return field;
            }
        }

        set
        {
            lock (_gate)
            {
                field = value;
            }
        }
    } = "";

    /// <summary>Makes an output (or certificate) variable visible to the steps that start from now on.</summary>
    public void AddOutput(string name, string value, bool isSensitive)
    {
        lock (_gate)
        {
            _outputs.Add(new ScriptVariable(name, value, isSensitive));
        }
    }

    /// <summary>Enabled targets of the environment in any of <paramref name="roles"/>, by name.</summary>
    public List<DeploymentTarget> TargetsIn(IReadOnlyList<string> roles) =>
        Targets.Where(t => t.Roles.Any(r => roles.Contains(r, StringComparer.OrdinalIgnoreCase)))
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>
    /// The variables of one step run: project variables resolved for the environment and roles in context, then
    /// system variables, then outputs of earlier steps (from least to most specific, as the set expects).
    /// </summary>
    public ScriptVariableSet VariablesFor(Step step, int number, DeploymentTarget? target, string machineName)
    {
        var roles = step.Roles.Concat(target?.Roles ?? []).ToList();
        var scoped = VariableScoping.Resolve(Variables, Environment?.Id, roles);
        var set = new ScriptVariableSet(scoped.Select(v => new ScriptVariable(v.Name, v.Value ?? "", v.IsSensitive)));
        set.Set("Octopus.Task.Id", Task.Id);
        set.Set("Octopus.Task.Name", Task.Description);
        set.Set("Octopus.Task.QueuedBy", Task.QueuedBy);
        set.Set("Octopus.Project.Id", Project.Id);
        set.Set("Octopus.Project.Name", Project.Name);
        set.Set("Octopus.Runbook.Id", Runbook?.Id ?? "");
        set.Set("Octopus.Runbook.Name", Runbook?.Name ?? "");
        set.Set("Octopus.Environment.Id", Environment?.Id ?? "");
        set.Set("Octopus.Environment.Name", Environment?.Name ?? "");
        set.Set("Octopus.Release.Id", Release?.Id ?? "");
        set.Set("Octopus.Release.Number", Release?.Version ?? "");
        set.Set("Octopus.Deployment.Id", Task.Kind == TaskKind.Deploy ? Task.Id : "");
        set.Set("Octopus.Server.Node", Task.ServerNode);
        set.Set("Octopus.Deployment.Error", Failure);
        set.Set("Octopus.Deployment.ErrorDetail", Failure);
        set.Set("Octopus.Step.Id", step.Id);
        set.Set("Octopus.Step.Name", step.Name);
        set.Set("Octopus.Step.Number", number.ToString(CultureInfo.InvariantCulture));
        set.Set("Octopus.Action.Id", step.Id);
        set.Set("Octopus.Action.Name", step.Name);
        set.Set("Octopus.Action.Number", number.ToString(CultureInfo.InvariantCulture));
        set.Set("Octopus.Action.TargetRoles", string.Join(",", step.Roles));
        if (step.Kind == StepKind.RunScript)
        {
            set.Set("Octopus.Action.Script.Syntax", step.Syntax.ToString());
        }

        set.Set("Octopus.Machine.Name", machineName);
        set.Set("Octopus.Machine.Id", target?.Id ?? "");
        set.Set("Octopus.Machine.Roles", string.Join(",", target?.Roles ?? []));
        set.Set("Octopus.Machine.DefaultWorkerPoolId", target?.DefaultWorkerPoolId ?? "");
        set.Set("Octopus.WorkerPool.Name", "");
        lock (_gate)
        {
            foreach (var output in _outputs)
            {
                set.Set(output);
            }
        }

        return set;
    }

    /// <summary>The step's own MaxParallelism, else <c>Octopus.Action.MaxParallelism</c> in scope, else 10.</summary>
    public int MaxParallelism(Step step, ScriptVariableSet variables) =>
        step.MaxParallelism
        ?? (int.TryParse(variables.GetValue("Octopus.Action.MaxParallelism"), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : Step.DefaultMaxParallelism);
}
