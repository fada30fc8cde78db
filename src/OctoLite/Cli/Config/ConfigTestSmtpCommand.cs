using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Config;

internal sealed class ConfigTestSmtpCommand : OctoCommand
{
    private readonly Option<string> _to = new("--to") { Description = "The address to send the test message to", HelpName = "address", Required = true };

    public ConfigTestSmtpCommand(GlobalOptions options) : base("test-smtp", "Send a short test message over the smtp.* settings", options) => Options.Add(_to);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var body = new JsonPatch().Set("To", context.ParseResult.GetValue(_to)).Body;
        var receipt = await context.Client.PostAsync("api/configuration/smtp/test", body, CliJsonContext.Default.EmailReceipt, cancellationToken);
        context.Render(receipt, CliJsonContext.Default.EmailReceipt,
            (w, r) => w.WriteLine($"Test message sent to {string.Join(", ", r.Recipients)} via {r.Server} ({r.MessageId})."));
        return ExitCodes.Ok;
    }
}
