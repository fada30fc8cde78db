using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Projects;

namespace OctoLite.Cli.Variables;

internal sealed class VariableSetCommand : OctoCommand
{
    private readonly Option<string> _project = ProjectOption.Required();
    private readonly Option<string> _name = new("--name") { Description = "The variable's name", HelpName = "name", Required = true };
    private readonly Option<string> _value = new("--value") { Description = "The value (may be empty)", HelpName = "value", Required = true };
    private readonly Option<bool> _sensitive = new("--sensitive") { Description = "Encrypt the value at rest and never show it again" };
    private readonly ScopeOptions _scope = new();

    public VariableSetCommand(GlobalOptions options) : base("set", "Add a project variable or change its value (a name may have one value per scope)", options)
    {
        Options.Add(_project);
        Options.Add(_name);
        Options.Add(_value);
        Options.Add(_sensitive);
        _scope.AddTo(this);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var body = new JsonPatch().Set("Value", result.GetValue(_value)).Set("IsSensitive", result.GetValue(_sensitive) ? true : null).Set("Scope", _scope.Body(result));
        var path = ScopeOptions.Path(result.GetValue(_project)!, result.GetValue(_name)!);
        var variable = await context.Client.PutAsync(path, body.Body, CliJsonContext.Default.Variable, cancellationToken);
        context.Render(variable, CliJsonContext.Default.Variable, (w, v) => VariableView.List(w, [v]));
        return ExitCodes.Ok;
    }
}
