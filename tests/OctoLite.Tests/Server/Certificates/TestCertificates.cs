using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OctoLite.Tests.Server.Certificates;

/// <summary>Certificates made in the test with CertificateRequest, in the file forms an operator would upload.</summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly AsymmetricAlgorithm _key;

    private TestCertificates(AsymmetricAlgorithm key, X509Certificate2 certificate)
    {
        _key = key;
        Certificate = certificate;
    }

    /// <summary>The certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    public string Thumbprint => Certificate.Thumbprint;

    public static TestCertificates Rsa(string subject = "CN=site.example.com", DateTimeOffset? notAfter = null)
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return Create(key, request, notAfter);
    }

    public static TestCertificates Ec(string subject = "CN=ec.example.com")
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        return Create(key, request, null);
    }

    public byte[] Pfx(string? password = null) => Certificate.Export(X509ContentType.Pkcs12, password);

    public string CertificatePem => PemEncoding.WriteString("CERTIFICATE", Certificate.RawData);

    public string Pkcs8Pem => PemEncoding.WriteString("PRIVATE KEY", _key.ExportPkcs8PrivateKey());

    /// <summary>The base64 body of the private key's PEM, which must never be found outside the server's memory.</summary>
    public string KeyBody => Convert.ToBase64String(_key.ExportPkcs8PrivateKey())[..48];

    public string EncryptedPkcs8Pem(string password) => PemEncoding.WriteString("ENCRYPTED PRIVATE KEY",
        _key.ExportEncryptedPkcs8PrivateKey(password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)));

    /// <summary>PKCS#1 for RSA keys, SEC1 for EC keys: what <c>openssl genrsa</c> / <c>openssl ecparam -genkey</c> write.</summary>
    public string TraditionalPem => _key is RSA rsa
        ? PemEncoding.WriteString("RSA PRIVATE KEY", rsa.ExportRSAPrivateKey())
        : PemEncoding.WriteString("EC PRIVATE KEY", ((ECDsa)_key).ExportECPrivateKey());

    public static byte[] Bytes(params string[] pems) => Encoding.UTF8.GetBytes(string.Join("\n", pems) + "\n");

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }

    private static TestCertificates Create(AsymmetricAlgorithm key, CertificateRequest request, DateTimeOffset? notAfter)
    {
        var end = notAfter ?? DateTimeOffset.UtcNow.AddYears(1);
        var certificate = request.CreateSelfSigned(notAfter is null ? DateTimeOffset.UtcNow.AddDays(-1) : end.AddDays(-30), end);
        return new TestCertificates(key, certificate);
    }
}
