using System.Security.Cryptography.X509Certificates;

namespace OctoLite.Server.Certificates;

/// <summary>A certificate read from an uploaded file: the X.509 certificate, and its PEM forms (the key as unencrypted PKCS#8).</summary>
internal sealed class LoadedCertificate(X509Certificate2 certificate, string certificatePem, string? privateKeyPem) : IDisposable
{
    public X509Certificate2 Certificate { get; } = certificate;
    public string CertificatePem { get; } = certificatePem;
    public string? PrivateKeyPem { get; } = privateKeyPem;

    public void Dispose() => Certificate.Dispose();
}
