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
}
