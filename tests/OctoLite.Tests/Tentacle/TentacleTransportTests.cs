using System.Net;
using System.Security.Authentication;
using System.Text;
using OctoLite.Hosting;
using OctoLite.Tentacle.Protocol;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Tentacle;

/// <summary>What the listening transport refuses before any route runs: untrusted certificates, other protocol versions, bad bodies.</summary>
public sealed class TentacleTransportTests
{
    [Fact]
    public async Task UntrustedClientCertificate_IsRefusedAtTheTlsLayer_AndLogged()
    {
        var token = TestTimeout.Token();
        await using var tentacle = await RunningTentacle.StartAsync(token);
        using var stranger = SelfSignedCertificates.Create("Not my server");

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => tentacle.Client(stranger).Http.GetAsync(TentacleProtocol.Capabilities, token));

        Assert.True(e.InnerException is AuthenticationException or IOException, $"unexpected inner exception: {e.InnerException}");
        Assert.Contains(tentacle.Logs.Messages, m => m.Contains(stranger.Thumbprint, StringComparison.Ordinal) && m.Contains("not trusted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TrustedClient_GetsCapabilities()
    {
        var token = TestTimeout.Token();
        await using var tentacle = await RunningTentacle.StartAsync(token);

        using var response = await tentacle.Client().Http.GetAsync(TentacleProtocol.Capabilities, token);
        var capabilities = System.Text.Json.JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(token), TentacleJsonContext.Default.TentacleCapabilities)!;

        Assert.Equal(TentacleProtocol.Version, capabilities.ProtocolVersion);
        Assert.Contains("Bash", capabilities.Shells);
        Assert.True(capabilities.FreeDiskBytes > 0);
        Assert.Equal("1", response.Headers.GetValues(TentacleProtocol.VersionHeader).Single());
    }

    [Theory]
    [InlineData("2", "version 2")]
    [InlineData(null, "has no")]
    public async Task OtherProtocolVersion_Is400NamingBothVersions(string? version, string expected)
    {
        var token = TestTimeout.Token();
        await using var tentacle = await RunningTentacle.StartAsync(token);

        using var response = await tentacle.Client(version: version).Http.GetAsync(TentacleProtocol.Capabilities, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await TentacleTestClient.ProblemAsync(response, token);
        Assert.Equal(TentacleProtocol.VersionHeader, problem.Field);
        Assert.Contains(expected, problem.Detail, StringComparison.Ordinal);
        Assert.Contains("speaks version 1", problem.Detail.Replace("protocol version 1", "version 1", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Ticket":"a/b","Script":"echo"}""", "Ticket")]
    [InlineData("""{"Ticket":"t1","Syntax":"Cobol","Script":"echo"}""", "Syntax")]
    [InlineData("""{"Ticket":"t2","Script":"echo","Timeout":"-00:00:01"}""", "Timeout")]
    [InlineData("""{"Ticket":"t3","Script":"echo","Variables":[{"Name":" ","Value":"x","IsSensitive":false}]}""", "Variables[0].Name")]
    [InlineData("""{"Ticket":"t4","Script":"echo","Colour":"red"}""", "Colour")]
    [InlineData("""{"Ticket":"t5","Script":"echo","Timeout":"soon"}""", "Timeout")]
    [InlineData("not json", "body")]
    public async Task StartScript_WithABadBody_Is400NamingTheField(string body, string field)
    {
        var token = TestTimeout.Token();
        await using var tentacle = await RunningTentacle.StartAsync(token);

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await tentacle.Client().Http.PostAsync(TentacleProtocol.Scripts, content, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await TentacleTestClient.ProblemAsync(response, token);
        Assert.True(problem.Field == field, $"{problem.Field}: {problem.Detail}");
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(tentacle.Home, "journal")));
    }

    [Fact]
    public async Task GetStatus_OfAnUnknownTicket_Is404()
    {
        var token = TestTimeout.Token();
        await using var tentacle = await RunningTentacle.StartAsync(token);

        using var response = await tentacle.Client().Http.GetAsync(TentacleProtocol.Script("never-started"), token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ticket", (await TentacleTestClient.ProblemAsync(response, token)).Field);
    }
}
