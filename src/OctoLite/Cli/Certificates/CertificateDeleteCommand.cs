using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Certificates;

internal sealed class CertificateDeleteCommand : OctoCommand
{
    private readonly Argument<string> _certificate = CertificateArgument.Create();

    public CertificateDeleteCommand(GlobalOptions options) : base("delete", "Delete a certificate from the library", options) => Arguments.Add(_certificate);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var certificate = await context.Client.DeleteAsync(
            $"api/certificates/{OctoLiteClient.Segment(context.ParseResult.GetValue(_certificate)!)}", CliJsonContext.Default.Certificate, cancellationToken);
        context.Render(certificate, CliJsonContext.Default.Certificate, (w, c) => w.WriteLine($"Deleted certificate '{c.Name}' ({c.Id})."));
        return ExitCodes.Ok;
    }
}
