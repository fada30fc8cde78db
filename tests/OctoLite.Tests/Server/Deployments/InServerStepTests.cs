using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OctoLite.Server.Tasks;
using OctoLite.Tests.Server.Tasks;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Deployments;

/// <summary>Email and manual intervention steps run inside the server: a real SMTP listener receives the email, and no script starts.</summary>
public sealed class InServerStepTests
{
    [Fact]
    public async Task EmailStep_SendsTheSubstitutedMessage_ToARealSmtpListener_StartingNoProcess()
    {
        await using var sink = new SmtpSink();
        await using var server = await RunningServer.StartAsync();
        var api = new DeployApi(server);
        await api.Tasks.ProjectAsync();
        await api.EnvironmentAsync("Production");
        await api.Tasks.SetConfigurationAsync($$"""{"SmtpHost":"{{sink.Host}}","SmtpPort":{{sink.Port}},"SmtpFrom":"octolite@example.com"}""");
        await api.Tasks.VariableAsync("Team", "ops@example.com");
        await api.ProcessAsync(new JsonObject
        {
            ["Name"] = "Tell",
            ["Kind"] = "Email",
            ["To"] = "#{Team}",
            ["Cc"] = "lead@example.com",
            ["Subject"] = "Deployed #{Octopus.Release.Number} to #{Octopus.Environment.Name}",
            ["Body"] = "Task #{Octopus.Task.Id} is done.",
        });
        await api.ReleaseAsync("2.1.0");
        var worker = server.Server.Services.GetRequiredService<BuiltInWorker>();
        var scripts = worker.ScriptsStarted;

        var task = await api.Tasks.WaitAsync(await api.DeployAsync("2.1.0", "Production"));

        Assert.Equal("Success", task["State"]!.GetValue<string>());
        var message = Assert.Single(sink.Messages);
        Assert.Equal(["ops@example.com", "lead@example.com"], message.Recipients.Order(StringComparer.Ordinal).Reverse().ToList());
        Assert.Contains("Deployed 2.1.0 to Production", message.Data);
        Assert.Equal(scripts, worker.ScriptsStarted);
        Assert.Equal("server", task["Steps"]![0]!["Worker"]!.GetValue<string>());
    }

    [Fact]
    public async Task EmailStep_WithoutSmtpSettings_FailsNamingTheSetting()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new DeployApi(server);
        await api.Tasks.ProjectAsync();
        await api.EnvironmentAsync("Production");
        await api.ProcessAsync(new JsonObject { ["Name"] = "Tell", ["Kind"] = "Email", ["To"] = "ops@example.com", ["Subject"] = "hi" });
        await api.ReleaseAsync("1.0.0");

        var task = await api.Tasks.WaitAsync(await api.DeployAsync("1.0.0", "Production"));

        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        Assert.Contains("smtp.host", task["ErrorMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task AllThreeInServerSteps_ImportTheCertificateForLaterSteps_SendMailAndWait_StartingNoProcess()
    {
        await using var sink = new SmtpSink();
        await using var fixture = await DeployFixture.StartAsync("Production");
        var (server, api, work) = (fixture.Server, fixture.Api, fixture.Work);
        await api.Tasks.SetConfigurationAsync($$"""{"SmtpHost":"{{sink.Host}}","SmtpPort":{{sink.Port}},"SmtpFrom":"octolite@example.com"}""");
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=shop.example", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        await api.Tasks.VariableAsync("SitePfx", Convert.ToBase64String(certificate.Export(X509ContentType.Pfx, "pfx-pass")), sensitive: true);
        await api.Tasks.VariableAsync("SitePfxPassword", "pfx-pass", sensitive: true);
        await api.ProcessAsync(
            new JsonObject { ["Name"] = "Import", ["Kind"] = "ImportCertificate", ["CertificateName"] = "Site", ["Certificate"] = "#{SitePfx}", ["CertificatePassword"] = "#{SitePfxPassword}" },
            new JsonObject { ["Name"] = "Tell", ["Kind"] = "Email", ["To"] = "ops@example.com", ["Subject"] = "Certificate #{Site.Thumbprint}" },
            new JsonObject { ["Name"] = "Check", ["Kind"] = "ManualIntervention", ["Instructions"] = "Approve." });
        await api.ReleaseAsync("1.0.0");
        var worker = server.Server.Services.GetRequiredService<BuiltInWorker>();
        var scripts = worker.ScriptsStarted;

        var id = await api.DeployAsync("1.0.0", "Production");
        await api.Tasks.WaitForStateAsync(id, "Executing");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await api.Tasks.TaskAsync(id))["HasPendingInterruptions"]!.GetValue<bool>())
        {
            Assert.True(DateTime.UtcNow < deadline, "the intervention was never raised");
            await Task.Delay(20);
        }

        Assert.True((await server.CliAsync("task", "approve", id)).ExitCode == 0);
        var task = await api.Tasks.WaitAsync(id);

        Assert.Equal("Success", task["State"]!.GetValue<string>());
        Assert.Contains($"Certificate {certificate.Thumbprint}", Assert.Single(sink.Messages).Data);
        var stored = await server.GetJsonAsync("api/certificates/Site");
        Assert.Equal(certificate.Thumbprint, stored["Thumbprint"]!.GetValue<string>());
        Assert.True(stored["HasPrivateKey"]!.GetValue<bool>());
        Assert.Equal(scripts, worker.ScriptsStarted);
        Assert.All(task["Steps"]!.AsArray(), step => Assert.Equal("server", step!["Worker"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ImportCertificateStep_WithAWrongPassword_FailsClearly_AndStoresNothing()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new DeployApi(server);
        await api.Tasks.ProjectAsync();
        await api.EnvironmentAsync("Production");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=shop.example", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        await api.Tasks.VariableAsync("SitePfx", Convert.ToBase64String(certificate.Export(X509ContentType.Pfx, "right")), sensitive: true);
        await api.Tasks.VariableAsync("WrongPassword", "wrong", sensitive: true);
        await api.ProcessAsync(new JsonObject { ["Name"] = "Import", ["Kind"] = "ImportCertificate", ["CertificateName"] = "Site", ["Certificate"] = "#{SitePfx}", ["CertificatePassword"] = "#{WrongPassword}" });
        await api.ReleaseAsync("1.0.0");

        var task = await api.Tasks.WaitAsync(await api.DeployAsync("1.0.0", "Production"));

        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        Assert.Contains("could not be imported", task["ErrorMessage"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await server.Socket.GetAsync("api/certificates/Site")).StatusCode);
    }

    [Fact]
    public async Task EmailStep_WithASecretInItsFields_NeverWritesTheSecretToTheLogOrTheError()
    {
        const string secret = "tok-Sup3rS3cret";
        await using var sink = new SmtpSink();
        await using var fixture = await DeployFixture.StartAsync("Production");
        var (server, api) = (fixture.Server, fixture.Api);
        await api.Tasks.SetConfigurationAsync($$"""{"SmtpHost":"{{sink.Host}}","SmtpPort":{{sink.Port}},"SmtpFrom":"octolite@example.com"}""");
        await api.Tasks.VariableAsync("Pager", secret, sensitive: true);
        await api.ProcessAsync(new JsonObject { ["Name"] = "Mail", ["Kind"] = "Email", ["To"] = "#{Pager}", ["Subject"] = "hi" });
        await api.ReleaseAsync("1.0.0");

        var id = await api.DeployAsync("1.0.0", "Production");
        var task = await api.Tasks.WaitAsync(id);

        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        Assert.DoesNotContain(secret, task.ToJsonString());
        Assert.DoesNotContain(secret, string.Join("\n", (await api.Tasks.LogAsync(id)).Select(l => l.ToJsonString())));
        Assert.Contains("********", task["ErrorMessage"]!.GetValue<string>());
    }
}
