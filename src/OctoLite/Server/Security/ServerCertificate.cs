using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OctoLite.Hosting;

namespace OctoLite.Server.Security;

/// <summary>
/// The certificate the server shows tentacles (as TLS client to listening ones, as TLS server to polling ones):
/// self-signed, made on first start and kept beside the data file as <see cref="FileName"/>, owner-only. Tentacles
/// pin its thumbprint, so it must survive upgrades and be backed up with the data file: a new one means telling
/// every tentacle to trust it.
/// </summary>
internal sealed class ServerCertificate : IDisposable
{
    public const string FileName = "server.pfx";
    public const string CommonName = "OctoLite Server";

    public ServerCertificate(DataPaths paths)
    {
        Path = System.IO.Path.Combine(paths.Directory, FileName);
        try
        {
            Certificate = SelfSignedCertificates.LoadOrCreate(Path, CommonName);
        }
        catch (CryptographicException e)
        {
            throw new ServerStartException(
                $"The server certificate {Path} cannot be read ({e.Message}). Restore it from a backup; moving it away makes the server create a new one, "
                + "and then every tentacle must be told to trust the new thumbprint.", e);
        }

        Thumbprint = SelfSignedCertificates.Normalize(Certificate.Thumbprint);
    }

    /// <summary>Where the certificate is kept.</summary>
    public string Path { get; }

    /// <summary>The certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>SHA-1 thumbprint, 40 upper-case hex characters: what tentacles are told to trust.</summary>
    public string Thumbprint { get; }

    public void Dispose() => Certificate.Dispose();
}
