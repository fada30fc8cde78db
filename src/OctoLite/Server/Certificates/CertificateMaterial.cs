using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OctoLite.Server.Certificates;

/// <summary>
/// A stored certificate decrypted for a running task: what steps see as certificate variables. Held in memory only
/// for as long as the step needs it; never stored, logged or returned by the API.
/// </summary>
internal sealed record CertificateMaterial
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Thumbprint { get; init; }
    public required string Subject { get; init; }
    public required string Issuer { get; init; }
    public DateTimeOffset NotBefore { get; init; }
    public DateTimeOffset NotAfter { get; init; }
    /// <summary>The certificate as PEM (-----BEGIN CERTIFICATE-----).</summary>
    public required string CertificatePem { get; init; }
    /// <summary>The private key as unencrypted PKCS#8 PEM (-----BEGIN PRIVATE KEY-----); null when the certificate has none.</summary>
    public string? PrivateKeyPem { get; init; }

    public bool HasPrivateKey => PrivateKeyPem is not null;

    /// <summary>The certificate (with its private key when it has one) as a PKCS#12 file without a password, base64.</summary>
    public string Pfx()
    {
        using var certificate = PrivateKeyPem is null
            ? X509Certificate2.CreateFromPem(CertificatePem)
            : X509Certificate2.CreateFromPem(CertificatePem, PrivateKeyPem);
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12));
    }

    /// <summary>
    /// The variables a certificate named <paramref name="prefix"/> expands to, after Octopus's certificate variables:
    /// <c>prefix</c> (the id), <c>.Type</c>, <c>.Name</c>, <c>.Thumbprint</c>, <c>.Subject</c>, <c>.Issuer</c>,
    /// <c>.NotBefore</c>, <c>.NotAfter</c>, <c>.HasPrivateKey</c>, <c>.Certificate</c> (base64 DER), <c>.CertificatePem</c>,
    /// and, with a private key, <c>.PrivateKey</c> (base64 PKCS#8 DER), <c>.PrivateKeyPem</c>, <c>.Pfx</c> (base64 PKCS#12)
    /// and <c>.Password</c> (the PFX's password: always empty). Key material is sensitive, so it is masked in logs.
    /// </summary>
    public IReadOnlyList<CertificateVariable> Variables(string prefix)
    {
        var variables = new List<CertificateVariable>
        {
            new(prefix, Id, false),
            new($"{prefix}.Type", "Certificate", false),
            new($"{prefix}.Name", Name, false),
            new($"{prefix}.Thumbprint", Thumbprint, false),
            new($"{prefix}.Subject", Subject, false),
            new($"{prefix}.Issuer", Issuer, false),
            new($"{prefix}.NotBefore", NotBefore.ToString("O", CultureInfo.InvariantCulture), false),
            new($"{prefix}.NotAfter", NotAfter.ToString("O", CultureInfo.InvariantCulture), false),
            new($"{prefix}.HasPrivateKey", HasPrivateKey ? "True" : "False", false),
            new($"{prefix}.Certificate", Base64Der(CertificatePem), false),
            new($"{prefix}.CertificatePem", CertificatePem, false),
        };
        if (PrivateKeyPem is { } key)
        {
            variables.Add(new($"{prefix}.PrivateKey", Base64Der(key), true));
            variables.Add(new($"{prefix}.PrivateKeyPem", key, true));
        }

        variables.Add(new($"{prefix}.Pfx", Pfx(), HasPrivateKey));
        variables.Add(new($"{prefix}.Password", "", false));
        return variables;
    }

    /// <summary>The DER bytes of the first PEM block, as one line of base64.</summary>
    private static string Base64Der(string pem) => pem[PemEncoding.Find(pem).Base64Data].ReplaceLineEndings("");
}
