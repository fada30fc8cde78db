using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OctoLite.Acceptance.Support;

namespace OctoLite.Acceptance;

/// <summary>The certificate library and the SMTP settings in the published binary: X.509 loading and key handling under Native AOT.</summary>
public sealed class CertificateAndSmtpTests
{
    [BinaryFact]
    public async Task Certificates_ImportPfxAndEncryptedPem_ListShowDelete()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var dir = new TempDirectory();
        await using var server = await ServerFixture.StartAsync(dir.Path, deadline.Token);
        var cli = server.Cli;
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=aot.example.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var pfx = Path.Combine(dir.Path, "site.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "pw"), deadline.Token);
        var pem = Path.Combine(dir.Path, "site.pem");
        await File.WriteAllTextAsync(pem, PemEncoding.WriteString("CERTIFICATE", certificate.RawData) + "\n" + PemEncoding.WriteString("ENCRYPTED PRIVATE KEY",
            key.ExportEncryptedPkcs8PrivateKey("kp", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000))), deadline.Token);

        var fromPfx = await cli.JsonAsync("certificate", "import", "--name", "Site", "--file", pfx, "--password", "pw");
        var fromPem = await cli.JsonAsync("certificate", "import", "--name", "SitePem", "--file", pem, "--password", "kp");
        var wrong = await cli.FailsAsync(2, "certificate", "import", "--name", "Other", "--file", pfx, "--password", "nope");

        Assert.Equal(certificate.Thumbprint, fromPfx.Str("Thumbprint"));
        Assert.True(fromPfx.Bool("HasPrivateKey"));
        Assert.Equal(certificate.Thumbprint, fromPem.Str("Thumbprint"));
        Assert.True(fromPem.Bool("HasPrivateKey"));
        Assert.Contains("Password", wrong.StdErr);
        Assert.Equal(["Site", "SitePem"], (await cli.JsonAsync("certificate", "list")).AsArray().Select(c => c!.Str("Name")));
        Assert.Equal("CN=aot.example.com", (await cli.JsonAsync("certificate", "show", "SitePem")).Str("Subject"));
        await cli.JsonAsync("certificate", "delete", "Site");
        await cli.FailsAsync(2, "certificate", "show", "Site");
    }

    [BinaryFact]
    public async Task Smtp_PasswordIsNeverShown_AndTestSmtpReportsARefusedConnection()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var dir = new TempDirectory();
        await using var server = await ServerFixture.StartAsync(dir.Path, deadline.Token);
        var cli = server.Cli;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        (await cli.RunAsync("config", "set", "smtp.host", "127.0.0.1")).ShouldExit(0);
        (await cli.RunAsync("config", "set", "smtp.port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))).ShouldExit(0);
        (await cli.RunAsync("config", "set", "smtp.from", "octolite@example.com")).ShouldExit(0);
        (await cli.RunAsync("config", "set", "smtp.username", "deploy")).ShouldExit(0);
        (await cli.RunAsync("config", "set", "smtp.password", "Never-Shown-42")).ShouldExit(0);
        var configuration = await cli.RunAsync("config", "get", "-o", "json");
        var refused = await cli.FailsAsync(1, "config", "test-smtp", "--to", "ops@example.com");

        Assert.DoesNotContain("Never-Shown-42", configuration.StdOut);
        Assert.Contains("\"SmtpPasswordIsSet\": true", configuration.StdOut);
        Assert.Contains($"Cannot connect to SMTP server 127.0.0.1:{port}: connection refused", refused.StdErr);
    }
}
