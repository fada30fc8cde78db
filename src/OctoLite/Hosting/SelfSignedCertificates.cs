using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OctoLite.Hosting;

/// <summary>
/// The certificates the server and tentacles identify themselves with: self-signed ECDSA P-256, valid for 100
/// years, kept as a PFX file readable by its owner only. Peers pin each other's SHA-1 thumbprint (40 hex
/// characters, as Octopus shows it); trust never depends on a certificate authority.
/// </summary>
internal static class SelfSignedCertificates
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static X509Certificate2 Create(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false)); // server and client authentication
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    /// <summary>Loads the certificate at <paramref name="path"/>, creating it first when the file does not exist.</summary>
    public static X509Certificate2 LoadOrCreate(string path, string commonName)
    {
        if (!File.Exists(path))
        {
            using var certificate = Create(commonName);
            Save(certificate, path);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, null);
    }

    /// <summary>Writes the certificate with its private key, owner-only, replacing the file atomically.</summary>
    public static void Save(X509Certificate2 certificate, string path)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerOnly }))
        {
            stream.Write(certificate.Export(X509ContentType.Pfx));
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Whether <paramref name="text"/> is a thumbprint as shown: 40 hex characters (any case, surrounding spaces ignored).</summary>
    public static bool IsThumbprint(string? text) =>
        text?.Trim() is { Length: 40 } t && t.All(Uri.IsHexDigit);

    /// <summary>A thumbprint in the form it is stored and compared: upper-case hex.</summary>
    public static string Normalize(string thumbprint) => thumbprint.Trim().ToUpperInvariant();
}
