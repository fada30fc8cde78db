using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.ApiKeys;

internal sealed class ApiKeyRevokeCommand : OctoCommand
{
    private readonly Argument<string> _key = new("apikey") { Description = "The API key's name or id (not the key itself)" };

    public ApiKeyRevokeCommand(GlobalOptions options) : base("revoke", "Revoke an API key: requests using it are refused from now on", options) => Arguments.Add(_key);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var key = await context.Client.DeleteAsync($"api/apikeys/{OctoLiteClient.Segment(context.ParseResult.GetValue(_key)!)}", CliJsonContext.Default.ApiKeySummary, cancellationToken);
        context.Render(key, CliJsonContext.Default.ApiKeySummary, (w, k) => w.WriteLine($"Revoked API key '{k.Name}' ({k.Id})."));
        return ExitCodes.Ok;
    }
}
