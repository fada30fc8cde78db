using OctoLite.Cli.Client;

namespace OctoLite.Cli.Certificates;

internal sealed class CertificateListCommand(GlobalOptions options) : OctoCommand("list", "List the certificates in the library", options)
{
    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var certificates = await context.Client.GetAsync("api/certificates/all", CliJsonContext.Default.ListCertificate, cancellationToken);
        context.Render(certificates, CliJsonContext.Default.ListCertificate, (w, c) => CertificateView.List(w, c, context.Time));
        return ExitCodes.Ok;
    }
}
