using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Output;

namespace OctoLite.Cli.Audit;

internal sealed class AuditListCommand : OctoCommand
{
    private readonly Option<string?> _document = new("--document") { Description = "Only events about this document id, e.g. WorkerPools-2", HelpName = "id" };
    private readonly Option<int> _take = new("--take") { Description = "How many events to show, newest first", HelpName = "n", DefaultValueFactory = _ => 50 };

    public AuditListCommand(GlobalOptions options) : base("list", "Show the audit trail, newest first", options)
    {
        Options.Add(_document);
        Options.Add(_take);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var path = $"api/events?take={result.GetValue(_take)}" + (result.GetValue(_document) is { } document ? $"&document={Uri.EscapeDataString(document)}" : "");
        var page = await context.Client.GetAsync(path, CliJsonContext.Default.ResourceCollectionAuditEvent, cancellationToken);
        var events = page.Items.ToList();
        context.Render(events, CliJsonContext.Default.ListAuditEvent, (w, list) =>
        {
            var table = new Table("WHEN", "WHO", "WHAT", "DOCUMENT", "MESSAGE");
            foreach (var e in list)
            {
                table.Add(Display.Time(e.Occurred), e.Who, e.Category, e.DocumentId, e.Message);
            }

            table.WriteTo(w);
        });
        return ExitCodes.Ok;
    }
}
