namespace OctoLite.Domain;

/// <summary>
/// A certificate in the server's library (Octopus's CertificateResource, id "Certificates-N"). The certificate and
/// its private key are stored as PEM, encrypted; outside the server <see cref="Pem"/> is always empty.
/// </summary>
internal sealed record Certificate
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>SHA-1 thumbprint, 40 upper-case hex characters, as Octopus shows it.</summary>
    public string Thumbprint { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Issuer { get; init; } = "";
    public DateTimeOffset NotBefore { get; init; }
    public DateTimeOffset NotAfter { get; init; }
    public bool HasPrivateKey { get; init; }
    /// <summary>The certificate (and private key, when it has one) as PEM, encrypted at rest; empty outside the server.</summary>
    public string Pem { get; init; } = "";
}
