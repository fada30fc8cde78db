using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.ApiKeys;

internal sealed class ApiKeyCreateCommand : OctoCommand
{
    private readonly Option<string> _name = new("--name") { Description = "What the key is for, e.g. the script or person using it", HelpName = "name", Required = true };

    public ApiKeyCreateCommand(GlobalOptions options) : base("create", "Create an API key for remote access; it is shown once", options) => Options.Add(_name);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var body = new JsonPatch().Set("Name", context.ParseResult.GetValue(_name)).Body;
        var created = await context.Client.PostAsync("api/apikeys", body, CliJsonContext.Default.ApiKeyCreated, cancellationToken);
        context.Render(created, CliJsonContext.Default.ApiKeyCreated, (w, k) =>
        {
            w.WriteLine(k.ApiKey);
            context.Error.WriteLine($"API key '{k.Name}' ({k.Id}) created. It is shown only this once: store it now.");
        });
        return ExitCodes.Ok;
    }
}
