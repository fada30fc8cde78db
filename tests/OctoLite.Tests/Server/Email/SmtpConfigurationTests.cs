using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OctoLite.Cli;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Email;

/// <summary>The smtp.* configuration keys through the CLI and the API, and the SMTP test message, against a real server.</summary>
public sealed class SmtpConfigurationTests
{
    private const string Password = "Pa55-word-that-must-never-show";

    [Fact]
    public async Task SmtpPassword_NeverAppears_InConfigOutputApiAuditOrDataFile()
    {
        using var temp = new TempDirectory();
        var outputs = new List<string>();
        await using (var server = await RunningServer.StartAsync(temp))
        {
            Assert.Equal(0, (await server.CliAsync("config", "set", "smtp.host", "mail.example.com")).ExitCode);
            Assert.Equal(0, (await server.CliAsync("config", "set", "smtp.username", "deploy")).ExitCode);
            var set = await server.CliAsync("config", "set", "smtp.password", Password);
            var all = await server.CliAsync("config", "get", "-o", "json");
            var one = await server.CliAsync("config", "get", "smtp.password", "-o", "json");
            var table = await server.CliAsync("config", "get");
            var events = await server.Socket.GetStringAsync("api/events");
            outputs.AddRange([set.Out, all.Out, one.Out, table.Out, await server.Socket.GetStringAsync("api/configuration"), events]);

            Assert.Equal(0, set.ExitCode);
            Assert.Equal("smtp.password = set", set.Out.Trim());
            Assert.True(JsonNode.Parse(all.Out)!["SmtpPasswordIsSet"]!.GetValue<bool>());
            Assert.True(JsonNode.Parse(one.Out)!["smtp.password"]!.GetValue<bool>());
            Assert.Contains("SmtpPasswordIsSet: false", events);
        }

        Assert.All(outputs, output =>
        {
            Assert.DoesNotContain(Password, output);
            Assert.DoesNotContain("v1:", output);
        });
        foreach (var file in Directory.GetFiles(temp.Combine("data")))
        {
            Assert.False(Contains(await File.ReadAllBytesAsync(file), Password), $"the password is in clear in {file}");
        }
    }

    [Fact]
    public async Task SmtpPassword_IsKept_WhenOtherFieldsChange_AndRemovedByEmptyString()
    {
        await using var server = await RunningServer.StartAsync();
        await server.CliAsync("config", "set", "smtp.host", "mail.example.com");
        await server.CliAsync("config", "set", "smtp.username", "deploy");
        await server.CliAsync("config", "set", "smtp.password", Password);

        var configuration = await server.GetJsonAsync("api/configuration");
        using var putBack = await server.Socket.PutAsync("api/configuration", RunningServer.Json(configuration.ToJsonString()));
        var kept = await server.CliAsync("config", "get", "smtp.password");
        var removed = await server.CliAsync("config", "set", "smtp.password", "");

        Assert.Equal(HttpStatusCode.OK, putBack.StatusCode);
        Assert.Equal("set", kept.Out.Trim());
        Assert.Equal("smtp.password = not set", removed.Out.Trim());
    }

    [Theory]
    [InlineData("""{"SmtpHost":"mail.example.com","SmtpPort":0}""", "SmtpPort", "from 1 to 65535")]
    [InlineData("""{"SmtpHost":"mail.example.com","SmtpPort":65536}""", "SmtpPort", "from 1 to 65535")]
    [InlineData("""{"SmtpHost":"mail.example.com","SmtpFrom":"not-an-address"}""", "SmtpFrom", "smtp.from")]
    [InlineData("""{"SmtpFrom":"octolite@example.com"}""", "SmtpHost", "octolite config set smtp.host HOST")]
    [InlineData("""{"SmtpHost":"mail.example.com","SmtpPassword":"x"}""", "SmtpUsername", "smtp.username")]
    [InlineData("""{"SmtpHost":"mail example.com"}""", "SmtpHost", "smtp.host")]
    public async Task SmtpSettings_AreRefusedWithTheFieldNamed_AndNothingChanges(string body, string field, string message)
    {
        await using var server = await RunningServer.StartAsync();
        var before = (await server.GetJsonAsync("api/configuration")).ToJsonString();

        using var response = await server.Socket.PutAsync("api/configuration", RunningServer.Json(body));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem["field"]?.GetValue<string>());
        Assert.Contains(message, problem["detail"]!.GetValue<string>());
        Assert.Equal(before, (await server.GetJsonAsync("api/configuration")).ToJsonString());
    }

    [Theory]
    [InlineData("smtp.port", "0")]
    [InlineData("smtp.port", "smtp")]
    [InlineData("smtp.enableSsl", "yes")]
    public async Task ConfigSet_BadSmtpValue_ExitsUsage(string key, string value)
    {
        await using var server = await RunningServer.StartAsync();

        var (exitCode, _, error) = await server.CliAsync("config", "set", key, value);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(key, error);
    }

    [Fact]
    public async Task TestSmtp_SendsAMessage_AndIsAudited()
    {
        await using var sink = new SmtpSink();
        await using var server = await RunningServer.StartAsync();
        await server.CliAsync("config", "set", "smtp.host", sink.Host);
        await server.CliAsync("config", "set", "smtp.port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await server.CliAsync("config", "set", "smtp.from", "octolite@example.com");

        var (exitCode, output, error) = await server.CliAsync("config", "test-smtp", "--to", "ops@example.com");
        var events = await server.Socket.GetStringAsync("api/events");

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("Test message sent to ops@example.com via 127.0.0.1:", output);
        var received = Assert.Single(sink.Messages);
        Assert.Equal(["ops@example.com"], received.Recipients);
        Assert.Equal("OctoLite SMTP test", ReceivedEmail.Parse(received.Data).Subject);
        Assert.Contains("SMTP test message sent to ops@example.com", events);
    }

    [Fact]
    public async Task TestSmtp_ExitsFailed_NamingTheRefusedRecipient_AndIsAudited()
    {
        await using var sink = new SmtpSink(new SmtpSink.Options { RefusedRecipients = ["nobody@example.com"] });
        await using var server = await RunningServer.StartAsync();
        await server.CliAsync("config", "set", "smtp.host", sink.Host);
        await server.CliAsync("config", "set", "smtp.port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await server.CliAsync("config", "set", "smtp.from", "octolite@example.com");

        var (exitCode, _, error) = await server.CliAsync("config", "test-smtp", "--to", "nobody@example.com");
        var events = await server.Socket.GetStringAsync("api/events");

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains("refused the recipient nobody@example.com: 550", error);
        Assert.Contains("SMTP test message to nobody@example.com failed", events);
    }

    [Fact]
    public async Task TestSmtp_WithoutHost_ExitsUsage_SayingWhatToSet()
    {
        await using var server = await RunningServer.StartAsync();

        var (exitCode, _, error) = await server.CliAsync("config", "test-smtp", "--to", "ops@example.com");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("octolite config set smtp.host HOST", error);
    }

    [Fact]
    public async Task TestSmtpApi_RefusesABadAddress_NamingTo()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Socket.PostAsync("api/configuration/smtp/test", RunningServer.Json("""{"To":"nope"}"""));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("To", problem["field"]!.GetValue<string>());
    }

    private static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;
}
