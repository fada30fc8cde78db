using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OctoLite.Server;
using OctoLite.Server.Audit;
using OctoLite.Server.Certificates;
using OctoLite.Server.Security;
using OctoLite.Storage;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Certificates;

/// <summary>The certificate library on a real server's store: what is accepted, what is refused, and what is kept secret.</summary>
public sealed class CertificateServiceTests
{
    private static readonly Actor Who = new("test");

    private static CertificateService Service(RunningServer server) => server.Server.Services.GetRequiredService<CertificateService>();

    private static int Count(RunningServer server) => server.Server.Services.GetRequiredService<OctoStore>().Read(s => s.Certificates.Count());

    [Theory]
    [InlineData(null)]
    [InlineData("pfx-password")]
    public async Task Import_Pfx_StoresItsDetails_AndKeyMaterialEncrypted(string? password)
    {
        await using var server = await RunningServer.StartAsync();
        using var generated = TestCertificates.Rsa();

        var imported = Service(server).Import("Site", generated.Pfx(password), password, Who);

        Assert.True(imported.IsSuccess, imported.Problem?.Detail);
        var certificate = imported.Value!;
        Assert.Equal("Certificates-1", certificate.Id);
        Assert.Equal(generated.Thumbprint, certificate.Thumbprint);
        Assert.Matches("^[0-9A-F]{40}$", certificate.Thumbprint);
        Assert.Equal("CN=site.example.com", certificate.Subject);
        Assert.Equal("CN=site.example.com", certificate.Issuer);
        Assert.Equal(new DateTimeOffset(generated.Certificate.NotAfter.ToUniversalTime()), certificate.NotAfter);
        Assert.True(certificate.HasPrivateKey);
        Assert.Equal("", certificate.Pem);
        var stored = server.Server.Services.GetRequiredService<OctoStore>().Read(s => s.Certificates.Get(certificate.Id))!;
        Assert.StartsWith("v1:", stored.Pem);
    }

    public static TheoryData<string, string?> PemKeyForms => new()
    {
        { "pkcs8", null },
        { "encrypted-pkcs8", "key-password" },
        { "traditional", null },
    };

    [Theory]
    [MemberData(nameof(PemKeyForms))]
    public async Task Import_PemWithKey_IsAccepted_ForRsaAndEcKeys(string form, string? password)
    {
        await using var server = await RunningServer.StartAsync();
        foreach (var generated in new[] { TestCertificates.Rsa(), TestCertificates.Ec() })
        {
            using (generated)
            {
                var key = form switch
                {
                    "pkcs8" => generated.Pkcs8Pem,
                    "encrypted-pkcs8" => generated.EncryptedPkcs8Pem(password!),
                    _ => generated.TraditionalPem,
                };
                var name = $"{form}-{generated.Certificate.GetKeyAlgorithm()}";

                var imported = Service(server).Import(name, TestCertificates.Bytes(key, generated.CertificatePem), password, Who);

                Assert.True(imported.IsSuccess, imported.Problem?.Detail);
                Assert.True(imported.Value!.HasPrivateKey);
                Assert.Equal(generated.Thumbprint, imported.Value!.Thumbprint);
                var material = Service(server).ForExecution(name).Value!;
                using var joined = X509Certificate2.CreateFromPem(material.CertificatePem, material.PrivateKeyPem);
                Assert.True(joined.HasPrivateKey);
                Assert.Equal(generated.Thumbprint, joined.Thumbprint);
            }
        }
    }

    [Fact]
    public async Task Import_PemCertificateOnly_HasNoPrivateKey()
    {
        await using var server = await RunningServer.StartAsync();
        using var generated = TestCertificates.Rsa();

        var imported = Service(server).Import("Public", TestCertificates.Bytes(generated.CertificatePem), null, Who);

        Assert.True(imported.IsSuccess, imported.Problem?.Detail);
        Assert.False(imported.Value!.HasPrivateKey);
        var material = Service(server).ForExecution("Public").Value!;
        Assert.Null(material.PrivateKeyPem);
        Assert.DoesNotContain(material.Variables("Public"), v => v.Name == "Public.PrivateKeyPem");
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "pfx-wrong-password", "Password" },
        { "pfx-missing-password", "Password" },
        { "key-wrong-password", "Password" },
        { "key-missing-password", "Password" },
        { "garbage", "CertificateData" },
        { "empty", "CertificateData" },
        { "key-only", "CertificateData" },
        { "mismatched-key", "CertificateData" },
        { "rsa-key-for-ec-certificate", "CertificateData" },
        { "pkcs8-rsa-key-for-ec-certificate", "CertificateData" },
        { "legacy-encrypted-key", "CertificateData" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Import_BadInput_Is400_NamingTheField_AndStoresNothing(string kind, string field)
    {
        await using var server = await RunningServer.StartAsync();
        using var generated = TestCertificates.Rsa();
        using var other = TestCertificates.Rsa("CN=other.example.com");
        using var ec = TestCertificates.Ec();
        (byte[] Data, string? Password) Input() => kind switch
        {
            "pfx-wrong-password" => (generated.Pfx("right"), "wrong"),
            "pfx-missing-password" => (generated.Pfx("right"), null),
            "key-wrong-password" => (TestCertificates.Bytes(generated.CertificatePem, generated.EncryptedPkcs8Pem("right")), "wrong"),
            "key-missing-password" => (TestCertificates.Bytes(generated.CertificatePem, generated.EncryptedPkcs8Pem("right")), null),
            "garbage" => (Encoding.UTF8.GetBytes("this is not a certificate at all"), null),
            "empty" => ([], null),
            "key-only" => (TestCertificates.Bytes(generated.Pkcs8Pem), null),
            "mismatched-key" => (TestCertificates.Bytes(generated.CertificatePem, other.Pkcs8Pem), null),
            "rsa-key-for-ec-certificate" => (TestCertificates.Bytes(ec.CertificatePem, generated.TraditionalPem), null),
            "pkcs8-rsa-key-for-ec-certificate" => (TestCertificates.Bytes(ec.CertificatePem, generated.Pkcs8Pem), null),
            _ => (TestCertificates.Bytes(generated.CertificatePem, "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----"), "x"),
        };
        var (data, password) = Input();

        var imported = Service(server).Import("Site", data, password, Who);

        Assert.False(imported.IsSuccess);
        Assert.Equal(400, imported.Problem!.Status);
        Assert.Equal(field, imported.Problem!.Field);
        Assert.Equal(0, Count(server));
        if (kind.Contains("mismatched", StringComparison.Ordinal) || kind.Contains("for-ec", StringComparison.Ordinal))
        {
            Assert.StartsWith("The private key does not belong to the certificate", imported.Problem!.Detail);
        }
    }

    [Fact]
    public async Task Import_SameName_Is409_UnlessReplaced_WhichKeepsTheId()
    {
        await using var server = await RunningServer.StartAsync();
        using var first = TestCertificates.Rsa();
        using var second = TestCertificates.Rsa("CN=renewed.example.com");
        var service = Service(server);
        var original = service.Import("Site", first.Pfx(), null, Who).Value!;

        var clash = service.Import("site", second.Pfx(), null, Who);
        var replaced = service.Import("Site", second.Pfx(), null, Who, replace: true);

        Assert.Equal(409, clash.Problem!.Status);
        Assert.Equal("Name", clash.Problem!.Field);
        Assert.Contains("replace", clash.Problem!.Detail);
        Assert.Equal(original.Id, replaced.Value!.Id);
        Assert.Equal(second.Thumbprint, service.Find("Site").Value!.Thumbprint);
        Assert.Single(service.List());
    }

    [Fact]
    public async Task Import_ExpiredCertificate_IsAccepted_AndTheAuditEventSaysSo()
    {
        await using var server = await RunningServer.StartAsync();
        using var expired = TestCertificates.Rsa("CN=old.example.com", DateTimeOffset.UtcNow.AddDays(-3));

        var imported = Service(server).Import("Old", expired.Pfx(), null, Who);
        var events = server.Server.Services.GetRequiredService<AuditTrail>().Recent(server.Server.Services.GetRequiredService<OctoStore>(), 5, imported.Value!.Id);

        Assert.Contains(events, e => e.Message.StartsWith("Certificate 'Old' imported (expired on ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForExecution_ExposesOctopusStyleVariables_WithKeyMaterialSensitive()
    {
        await using var server = await RunningServer.StartAsync();
        using var generated = TestCertificates.Rsa();
        Service(server).Import("Site", generated.Pfx("pw"), "pw", Who);

        var material = Service(server).ForExecution("Site");

        Assert.True(material.IsSuccess);
        var variables = material.Value!.Variables("Site").ToDictionary(v => v.Name);
        Assert.Equal("Certificates-1", variables["Site"].Value);
        Assert.Equal(generated.Thumbprint, variables["Site.Thumbprint"].Value);
        Assert.Equal("CN=site.example.com", variables["Site.Subject"].Value);
        Assert.Equal("True", variables["Site.HasPrivateKey"].Value);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", variables["Site.CertificatePem"].Value);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", variables["Site.PrivateKeyPem"].Value);
        Assert.Equal(Convert.ToBase64String(generated.Certificate.RawData), variables["Site.Certificate"].Value);
        Assert.All(new[] { "Site.PrivateKeyPem", "Site.PrivateKey", "Site.Pfx" }, name => Assert.True(variables[name].IsSensitive, name));
        Assert.False(variables["Site.Thumbprint"].IsSensitive);
        using var pfx = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(variables["Site.Pfx"].Value), null);
        Assert.True(pfx.HasPrivateKey);
        Assert.Equal(generated.Thumbprint, pfx.Thumbprint);
    }

    [Fact]
    public async Task Delete_RemovesTheCertificate_AndFindThenSaysNotFound()
    {
        await using var server = await RunningServer.StartAsync();
        using var generated = TestCertificates.Rsa();
        Service(server).Import("Site", generated.Pfx(), null, Who);

        var deleted = Service(server).Delete("Site", Who);

        Assert.True(deleted.IsSuccess);
        Assert.Equal("", deleted.Value!.Pem);
        Assert.Equal(404, Service(server).Find("Certificates-1").Problem!.Status);
        Assert.Equal(404, Service(server).ForExecution("Site").Problem!.Status);
    }

    [Fact]
    public void DecodeText_TakesPemAsIs_AndBase64OfAFile()
    {
        using var generated = TestCertificates.Rsa();

        var pem = CertificateReader.DecodeText(generated.CertificatePem, "Certificate");
        var pfx = CertificateReader.DecodeText(Convert.ToBase64String(generated.Pfx()), "Certificate");
        var neither = CertificateReader.DecodeText("not *base64*", "Steps[0].Certificate");

        Assert.Equal(generated.CertificatePem, Encoding.UTF8.GetString(pem.Value!));
        Assert.Equal(generated.Pfx().Length > 0, pfx.Value!.Length > 0);
        Assert.Equal("Steps[0].Certificate", neither.Problem!.Field);
    }
}
