using OctoLite.Cli.Client;
using OctoLite.Cli.Output;

namespace OctoLite.Cli.ApiKeys;

internal sealed class ApiKeyListCommand(GlobalOptions options) : OctoCommand("list", "List API keys (never the keys themselves)", options)
{
    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var keys = await context.Client.GetAsync("api/apikeys", CliJsonContext.Default.ListApiKeySummary, cancellationToken);
        context.Render(keys, CliJsonContext.Default.ListApiKeySummary, (w, list) =>
        {
            var table = new Table("ID", "NAME", "PREFIX", "CREATED", "BY");
            foreach (var key in list)
            {
                table.Add(key.Id, key.Name, key.Prefix + "…", Display.Time(key.Created), key.CreatedBy);
            }

            table.WriteTo(w);
        });
        return ExitCodes.Ok;
    }
}
