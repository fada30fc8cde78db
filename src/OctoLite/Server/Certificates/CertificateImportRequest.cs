namespace OctoLite.Server.Certificates;

/// <summary>
/// The body of <c>POST /api/certificates</c>. <see cref="CertificateData"/> is the file's bytes as base64: a PFX/PKCS#12
/// file or PEM text (certificate, optionally with its private key). <see cref="Replace"/> replaces a certificate of
/// the same name, keeping its id; without it a name in use is a 409.
/// </summary>
internal sealed record CertificateImportRequest
{
    public required string Name { get; init; }
    public required string CertificateData { get; init; }
    public string? Password { get; init; }
    public bool Replace { get; init; }
}
