using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OctoLite.Cli.Client;
using OctoLite.Hosting;
using OctoLite.Server.Security;

namespace OctoLite.Cli.ServerVerbs;

/// <summary>
/// <c>octolite server show-thumbprint</c>: the server certificate's thumbprint, the one tentacles are told to trust
/// (<c>octolite tentacle configure --trust</c>). Asks the running server; with none running, reads the certificate
/// from the local data dir, where the server made it on its first start.
/// </summary>
internal sealed class ServerShowThumbprintCommand(GlobalOptions options)
    : OctoCommand("show-thumbprint", "Print the server certificate's thumbprint (40 hex characters), for tentacles to trust", options)
{
    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        string thumbprint;
        try
        {
            var status = await context.Client.GetAsync("api/serverstatus", CliJsonContext.Default.ServerStatus, cancellationToken);
            thumbprint = status.Thumbprint ?? "";
            if (thumbprint.Length == 0)
            {
                throw new CliException(ExitCodes.Failed, $"The server at {context.Client.Address.Describe()} does not report a certificate thumbprint (an older version?).");
            }
        }
        catch (CliException e) when (e.ExitCode == ExitCodes.Unreachable && context.Client.Address.SocketPath is not null
            && File.Exists(Path.Combine(context.Paths.Directory, ServerCertificate.FileName)))
        {
            thumbprint = ReadLocal(Path.Combine(context.Paths.Directory, ServerCertificate.FileName));
            context.Error.WriteLine($"No server is running on {context.Paths.Directory}; read its certificate from {ServerCertificate.FileName}.");
        }

        context.Render(new Dictionary<string, string> { ["Thumbprint"] = thumbprint }, CliJsonContext.Default.DictionaryStringString, (w, _) => w.WriteLine(thumbprint));
        return ExitCodes.Ok;
    }

    private static string ReadLocal(string path)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, null);
            return SelfSignedCertificates.Normalize(certificate.Thumbprint);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.Failed, $"No server answers, and the server certificate {path} cannot be read: {e.Message}");
        }
    }
}
