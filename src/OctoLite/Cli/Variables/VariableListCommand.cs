using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Projects;

namespace OctoLite.Cli.Variables;

internal sealed class VariableListCommand : OctoCommand
{
    private readonly Option<string> _project = ProjectOption.Required();

    public VariableListCommand(GlobalOptions options) : base("list", "List a project's variables (sensitive values show as ********)", options) => Options.Add(_project);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var variables = await context.Client.GetAsync(VariableView.Path(context.ParseResult.GetValue(_project)!), CliJsonContext.Default.ListVariable, cancellationToken);
        context.Render(variables, CliJsonContext.Default.ListVariable, VariableView.List);
        return ExitCodes.Ok;
    }
}
