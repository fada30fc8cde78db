using OctoLite.Domain;
using OctoLite.Storage;

namespace OctoLite.Server.Projects;

/// <summary>
/// Checks a process and gives its steps their ids. Fields are named by their path in the request
/// (<c>Process.Steps[0].Script</c>), so a client can point at the line of the process file at fault.
/// </summary>
internal static class ProcessRules
{
    public const int MaxSteps = 500;

    /// <param name="field">Where the process sits in the request, e.g. "Process".</param>
    /// <param name="current">The process being replaced: a step keeps its id when its name stays the same.</param>
    public static Result<DeploymentProcess> Validate(StoreSession s, DeploymentProcess process, DeploymentProcess? current, string field)
    {
        process = WithDefaults(process);
        if (process.Steps.Count > MaxSteps)
        {
            return Problem.Invalid($"{field}.Steps", $"A process may have at most {MaxSteps} steps (it has {process.Steps.Count}).");
        }

        var known = current?.Steps ?? [];
        var steps = new List<Step>();
        for (var i = 0; i < process.Steps.Count; i++)
        {
            var path = $"{field}.Steps[{i}]";
            var step = process.Steps[i];
            var name = Names.Validate(step.Name, $"{path}.Name");
            if (!name.IsSuccess)
            {
                return name.Problem;
            }

            if (steps.FirstOrDefault(other => Names.Same(other.Name, name.Value)) is { } twin)
            {
                return Problem.Invalid($"{path}.Name", $"Step names must be unique within the process: '{twin.Name}' is used twice.");
            }

            var validated = StepRules.Validate(s, step with { Name = name.Value }, path, isFirst: i == 0);
            if (!validated.IsSuccess)
            {
                return validated.Problem;
            }

            step = validated.Value;
            var id = step.Id;
            if (id.Length > 0 && known.All(k => k.Id != id))
            {
                return Problem.Invalid($"{path}.Id", $"{path}.Id '{id}' is not a step of this process; leave Id out, the server assigns it.");
            }

            if (id.Length == 0)
            {
                id = known.FirstOrDefault(k => Names.Same(k.Name, name.Value))?.Id ?? "";
            }

            if (id.Length > 0 && steps.Any(other => other.Id == id))
            {
                return Problem.Invalid($"{path}.Id", $"Step id {id} is used twice.");
            }

            steps.Add(step with { Id = id, Name = name.Value });
        }

        // Fresh ids only once the whole process is valid, so a refused request does not consume ids.
        return process with { Steps = steps.Select(step => step.Id.Length > 0 ? step : step with { Id = s.NextId("Steps") }).ToList() };
    }

    /// <summary>Whether two processes hold the same steps (records holding lists compare lists by reference, so compare their stored form).</summary>
    public static bool Same(DeploymentProcess a, DeploymentProcess b) =>
        System.Text.Json.JsonSerializer.Serialize(a, StorageJsonContext.Default.DeploymentProcess) == System.Text.Json.JsonSerializer.Serialize(b, StorageJsonContext.Default.DeploymentProcess);

    /// <summary>
    /// The source-generated serializer sets init-only properties missing from the JSON to null rather than
    /// to their initializers, so a step written as <c>{"name":…}</c> arrives with null Id and Script.
    /// </summary>
    private static DeploymentProcess WithDefaults(DeploymentProcess process) => new()
    {
        Steps = (process.Steps ?? []).Select(step => step with
        {
            Id = step.Id ?? "",
            Name = step.Name ?? "",
            Script = step.Script ?? "",
            Condition = step.Condition ?? Step.DefaultCondition,
            WorkerPool = step.WorkerPool ?? "",
            Roles = step.Roles ?? [],
            To = step.To ?? "",
            Cc = step.Cc ?? "",
            Subject = step.Subject ?? "",
            Body = step.Body ?? "",
            Instructions = step.Instructions ?? "",
            ResponsibleTeams = step.ResponsibleTeams ?? [],
            CertificateName = step.CertificateName ?? "",
            Certificate = step.Certificate ?? "",
            CertificatePassword = step.CertificatePassword ?? "",
        }).ToList(),
    };
}
