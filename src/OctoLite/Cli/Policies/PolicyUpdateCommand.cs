using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Policies;

internal sealed class PolicyUpdateCommand : OctoCommand
{
    private readonly Argument<string> _policy = PolicyArgument.Create();
    private readonly Option<string?> _name = new("--name") { Description = "New name", HelpName = "name" };
    private readonly Option<bool> _default = new("--default") { Description = "Make it the default policy" };
    private readonly PolicyOptions _fields = new(forUpdate: true);

    public PolicyUpdateCommand(GlobalOptions options) : base("update", "Change a machine policy", options)
    {
        Arguments.Add(_policy);
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
        var patch = _fields.Apply(new JsonPatch().Set("Name", result.GetValue(_name)).Set("IsDefault", result.GetValue(_default) ? true : null), result);
        if (patch.IsEmpty)
        {
            throw CliException.Usage("Nothing to change: give --name, --default or a policy option (see --help).");
        }

        var policy = await context.Client.PutAsync($"api/machinepolicies/{OctoLiteClient.Segment(result.GetValue(_policy)!)}", patch.Body, CliJsonContext.Default.MachinePolicy, cancellationToken);
        context.Render(policy, CliJsonContext.Default.MachinePolicy, PolicyView.One);
        return ExitCodes.Ok;
    }
}
