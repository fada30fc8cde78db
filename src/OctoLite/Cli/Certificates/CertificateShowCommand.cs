using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Certificates;

internal sealed class CertificateShowCommand : OctoCommand
{
    private readonly Argument<string> _certificate = CertificateArgument.Create();

    public CertificateShowCommand(GlobalOptions options) : base("show", "Show one certificate (never its private key)", options) => Arguments.Add(_certificate);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var certificate = await context.Client.GetAsync(
            $"api/certificates/{OctoLiteClient.Segment(context.ParseResult.GetValue(_certificate)!)}", CliJsonContext.Default.Certificate, cancellationToken);
        context.Render(certificate, CliJsonContext.Default.Certificate, (w, c) => CertificateView.One(w, c, context.Time));
        return ExitCodes.Ok;
    }
}
