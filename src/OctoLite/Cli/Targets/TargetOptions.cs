using System.CommandLine;
using OctoLite.Server.Targets;

namespace OctoLite.Cli.Targets;

/// <summary>The options that describe a deployment target, shared by create and update.</summary>
internal sealed class TargetOptions
{
    public TargetOptions(bool creating)
    {
        Name = new Option<string?>("--name") { Description = creating ? "Name of the new deployment target" : "New name", HelpName = "name", Required = creating };
        Roles = new Option<string[]>("--roles")
        {
            Description = creating
                ? "Target roles (tags) steps select the target by; separate with commas or repeat"
                : "Replace the target's roles with these (separate with commas or repeat)",
            HelpName = "roles",
            Required = creating,
            AllowMultipleArgumentsPerToken = true,
        };
        Environments = new Option<string[]>("--environment")
        {
            Description = creating
                ? "Environment (name or id) the target is in; repeat for several"
                : "Replace the target's environments with these (names or ids; repeat for several)",
            HelpName = "environment",
            Required = creating,
        };
        WorkerPool = new Option<string?>("--worker-pool")
        {
            Description = creating
                ? "Worker pool (name or id) that runs steps on behalf of the target (default: the step's own pool)"
                : "New default worker pool (name or id); \"\" clears it, so steps use their own pool",
            HelpName = "pool",
        };
    }

    public Option<string?> Name { get; }
    public Option<string[]> Roles { get; }
    public Option<string[]> Environments { get; }
    public Option<string?> WorkerPool { get; }

    public IEnumerable<Option> All => [Name, Roles, Environments, WorkerPool];

    /// <summary>The fields the user gave, as a request body.</summary>
    public JsonPatch ToPatch(ParseResult result) => new JsonPatch()
        .Set("Name", result.GetValue(Name))
        .Set("Roles", SplitRoles(result.GetValue(Roles)))
        .Set("EnvironmentIds", result.GetValue(Environments))
        .Set("DefaultWorkerPoolId", result.GetValue(WorkerPool));

    /// <summary>The name of a kind as the server spells it, or a usage error listing the kinds.</summary>
    public static string Kind(string value) =>
        TargetRules.SupportedKinds.Select(k => k.ToString()).FirstOrDefault(k => string.Equals(k, value.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw CliException.Usage($"--kind must be one of {string.Join(", ", TargetRules.SupportedKinds)} (got '{value}').");

    private static List<string>? SplitRoles(string[]? values) =>
        values?.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).ToList();
}
