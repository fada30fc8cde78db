using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Projects;

namespace OctoLite.Cli.Variables;

internal sealed class VariableDeleteCommand : OctoCommand
{
    private readonly Option<string> _project = ProjectOption.Required();
    private readonly Option<string> _name = new("--name") { Description = "The variable's name", HelpName = "name", Required = true };
    private readonly ScopeOptions _scope = new();

    public VariableDeleteCommand(GlobalOptions options) : base("delete", "Delete a project variable's value with exactly the given scope (none: the unscoped value)", options)
    {
        Options.Add(_project);
        Options.Add(_name);
        _scope.AddTo(this);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var path = ScopeOptions.Path(result.GetValue(_project)!, result.GetValue(_name)!) + _scope.Query(result);
        var variable = await context.Client.DeleteAsync(path, CliJsonContext.Default.Variable, cancellationToken);
        context.Render(variable, CliJsonContext.Default.Variable, (w, v) => w.WriteLine($"Deleted variable '{v.Name}'."));
        return ExitCodes.Ok;
    }
}
