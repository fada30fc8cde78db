using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Policies;

internal sealed class PolicyCreateCommand : OctoCommand
{
    private readonly Option<string> _name = new("--name") { Description = "Name of the new policy", HelpName = "name", Required = true };
    private readonly Option<bool> _default = new("--default") { Description = "Make it the default policy" };
    private readonly PolicyOptions _fields = new(forUpdate: false);

    public PolicyCreateCommand(GlobalOptions options) : base("create", "Create a machine policy", options)
    {
        Options.Add(_name);
        Options.Add(_default);
        foreach (var option in _fields.All)
        {
            Options.Add(option);
        }
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var body = _fields.Apply(new JsonPatch().Set("Name", result.GetValue(_name)).Set("IsDefault", result.GetValue(_default) ? true : null), result);
        var policy = await context.Client.PostAsync("api/machinepolicies", body.Body, CliJsonContext.Default.MachinePolicy, cancellationToken);
        context.Render(policy, CliJsonContext.Default.MachinePolicy, PolicyView.One);
        return ExitCodes.Ok;
    }
}
