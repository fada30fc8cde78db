using System.CommandLine;
using System.Text.Json.Nodes;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Variables;

/// <summary><c>--environment E</c> and <c>--role R</c> (each repeatable): which of a variable name's values a verb means.</summary>
internal sealed class ScopeOptions
{
    public Option<string[]> Environments { get; } = new("--environment")
    {
        Description = "Scope the value to this environment (name or id); repeat for several. None: unscoped",
        HelpName = "environment",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Roles { get; } = new("--role")
    {
        Description = "Scope the value to targets in this role; repeat for several. None: unscoped",
        HelpName = "role",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Environments);
        command.Options.Add(Roles);
    }

    public JsonObject Body(ParseResult result)
    {
        var scope = new JsonPatch()
            .Set("Environments", result.GetValue(Environments) ?? [])
            .Set("Roles", SplitRoles(result.GetValue(Roles)))
            .Body;
        return scope;
    }

    public string Query(ParseResult result)
    {
        var parts = (result.GetValue(Environments) ?? []).Select(e => $"environment={Uri.EscapeDataString(e)}")
            .Concat(SplitRoles(result.GetValue(Roles)).Select(r => $"role={Uri.EscapeDataString(r)}"))
            .ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    /// <summary>Roles may also be given comma-separated, as targets take them.</summary>
    private static string[] SplitRoles(string[]? roles) =>
        (roles ?? []).SelectMany(r => r.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();

    public static string Describe(Domain.VariableScope? scope) =>
        scope is null || scope.IsEmpty ? "" : string.Join("; ", new[]
        {
            scope.Environments.Count > 0 ? string.Join(", ", scope.Environments) : null,
            scope.Roles.Count > 0 ? "role " + string.Join(", ", scope.Roles) : null,
        }.Where(p => p is not null));

    public static string Path(string project, string name) => $"{VariableView.Path(project)}/{OctoLiteClient.Segment(name)}";
}
