using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OctoLite.Cli;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Certificates;

/// <summary><c>/api/certificates</c> and the <c>certificate</c> verbs against a real server; key material never leaves it.</summary>
public sealed class CertificatesApiTests
{
    private static StringContent ImportBody(string name, byte[] data, string? password = null) => RunningServer.Json(new JsonObject
    {
        ["Name"] = name,
        ["CertificateData"] = Convert.ToBase64String(data),
        ["Password"] = password,
    }.ToJsonString());

    [Fact]
    public async Task Import_ThroughTheApi_KeepsKeyMaterialOutOfResponsesAuditAndTheDataFile()
    {
        using var temp = new TempDirectory();
        using var generated = TestCertificates.Rsa();
        var seen = new List<string>();
        await using (var server = await RunningServer.StartAsync(temp))
        {
            using var created = await server.Socket.PostAsync("api/certificates", ImportBody("Site", TestCertificates.Bytes(generated.CertificatePem, generated.Pkcs8Pem)));
            var body = await created.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal("/api/certificates/Certificates-1", created.Headers.Location?.ToString());
            var certificate = JsonNode.Parse(body)!;
            Assert.Equal(generated.Thumbprint, certificate["Thumbprint"]!.GetValue<string>());
            Assert.True(certificate["HasPrivateKey"]!.GetValue<bool>());
            Assert.Equal("", certificate["Pem"]!.GetValue<string>());

            seen.Add(body);
            seen.Add(await server.Socket.GetStringAsync("api/certificates"));
            seen.Add(await server.Socket.GetStringAsync("api/certificates/all"));
            seen.Add(await server.Socket.GetStringAsync("api/certificates/Site"));
            seen.Add(await server.Socket.GetStringAsync("api/events"));
            seen.Add((await server.CliAsync("certificate", "show", "Site", "-o", "json")).Out);
            seen.Add((await server.CliAsync("audit", "list", "-o", "json")).Out);
        }

        Assert.All(seen, text =>
        {
            Assert.DoesNotContain(generated.KeyBody, text);
            Assert.DoesNotContain("PRIVATE KEY", text);
            Assert.DoesNotContain("BEGIN CERTIFICATE", text);
        });
        foreach (var file in Directory.GetFiles(temp.Combine("data")))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(generated.KeyBody)) < 0, $"the private key is in clear in {file}");
            Assert.True(bytes.AsSpan().IndexOf("PRIVATE KEY"u8) < 0, $"a PEM private key is in clear in {file}");
        }
    }

    [Theory]
    [InlineData("""{"Name":"Site","CertificateData":"***not base64***"}""", "CertificateData")]
    [InlineData("""{"Name":"","CertificateData":"AAAA"}""", "Name")]
    [InlineData("""{"CertificateData":"AAAA"}""", "Name")]
    [InlineData("""{"Name":"Site","CertificateData":"AAAA","Colour":"red"}""", "Colour")]
    public async Task Import_BadRequest_Is400_NamingTheField(string body, string field)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Socket.PostAsync("api/certificates", RunningServer.Json(body));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Equal("[]", (await server.GetJsonAsync("api/certificates/all")).ToJsonString());
    }

    [Fact]
    public async Task Delete_ThroughTheApi_RemovesIt()
    {
        await using var server = await RunningServer.StartAsync();
        using var generated = TestCertificates.Ec();
        using var _ = await server.Socket.PostAsync("api/certificates", ImportBody("Ec", generated.Pfx()));

        using var deleted = await server.Socket.DeleteAsync("api/certificates/Ec");
        using var missing = await server.Socket.GetAsync("api/certificates/Ec");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task CertificateCli_ImportsListsShowsAndDeletes()
    {
        using var temp = new TempDirectory();
        using var generated = TestCertificates.Rsa();
        var pfx = temp.Combine("site.pfx");
        await File.WriteAllBytesAsync(pfx, generated.Pfx("secret"));
        await using var server = await RunningServer.StartAsync();

        var imported = await server.CliAsync("certificate", "import", "--name", "Site", "--file", pfx, "--password", "secret");
        var again = await server.CliAsync("certificate", "import", "--name", "Site", "--file", pfx, "--password", "secret");
        var replaced = await server.CliAsync("certificate", "import", "--name", "Site", "--file", pfx, "--password", "secret", "--replace", "-o", "json");
        var list = await server.CliAsync("certificate", "list");
        var listJson = await server.CliAsync("certificate", "list", "-o", "json");
        var show = await server.CliAsync("certificate", "show", "Certificates-1");
        var deleted = await server.CliAsync("certificate", "delete", "Site");
        var gone = await server.CliAsync("certificate", "show", "Site");

        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Contains(generated.Thumbprint, imported.Out);
        Assert.Equal(ExitCodes.Usage, again.ExitCode);
        Assert.Contains("already exists", again.Error);
        Assert.Equal("Certificates-1", JsonNode.Parse(replaced.Out)!["Id"]!.GetValue<string>());
        Assert.Contains("Site", list.Out);
        Assert.Contains(generated.Thumbprint, list.Out);
        Assert.Single(JsonNode.Parse(listJson.Out)!.AsArray());
        Assert.Contains("CN=site.example.com", show.Out);
        Assert.Contains("Private key", show.Out);
        Assert.Equal("Deleted certificate 'Site' (Certificates-1).", deleted.Out.Trim());
        Assert.Equal(ExitCodes.Usage, gone.ExitCode);
    }

    [Fact]
    public async Task CertificateCli_WrongPassword_ExitsUsage_NamingPassword()
    {
        using var temp = new TempDirectory();
        using var generated = TestCertificates.Rsa();
        var pfx = temp.Combine("site.pfx");
        await File.WriteAllBytesAsync(pfx, generated.Pfx("secret"));
        await using var server = await RunningServer.StartAsync();

        var (exitCode, _, error) = await server.CliAsync("certificate", "import", "--name", "Site", "--file", pfx, "--password", "wrong");
        var missingFile = await server.CliAsync("certificate", "import", "--name", "Site", "--file", temp.Combine("nope.pfx"));

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("(field: Password)", error);
        Assert.Equal(ExitCodes.Usage, missingFile.ExitCode);
        Assert.Contains("--file", missingFile.Error);
    }
}
