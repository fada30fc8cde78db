using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Projects;

namespace OctoLite.Cli.Variables;

internal sealed class VariableDeleteCommand : OctoCommand
{
    private readonly Option<string> _project = ProjectOption.Required();
    private readonly Option<string> _name = new("--name") { Description = "The variable's name", HelpName = "name", Required = true };

    public VariableDeleteCommand(GlobalOptions options) : base("delete", "Delete a project variable", options)
    {
        Options.Add(_project);
        Options.Add(_name);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var path = $"{VariableView.Path(result.GetValue(_project)!)}/{OctoLiteClient.Segment(result.GetValue(_name)!)}";
        var variable = await context.Client.DeleteAsync(path, CliJsonContext.Default.Variable, cancellationToken);
        context.Render(variable, CliJsonContext.Default.Variable, (w, v) => w.WriteLine($"Deleted variable '{v.Name}'."));
        return ExitCodes.Ok;
    }
}
