using OctoLite.Acceptance.Support;

namespace OctoLite.Acceptance;

public sealed class RemoteAccessTests
{
    private const int AuthFailed = 4;
    private const int Unreachable = 5;

    [BinaryFact]
    public async Task Tcp_NeedsAValidApiKey_AndRevokingItLocksTheCallerOut()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var dir = new TempDirectory();
        await using var server = await ServerFixture.StartAsync(dir.Path, deadline.Token);
        var url = server.TcpUrl;

        var noKey = await OctoLiteCli.ForRemote(url, null, deadline.Token).FailsAsync(AuthFailed, "pool", "list");
        Assert.Contains("apikey create", noKey.StdErr);
        await OctoLiteCli.ForRemote(url, "API-WRONGWRONGWRONGWRONGWRONGWRONGWR", deadline.Token).FailsAsync(AuthFailed, "pool", "list");
        await OctoLiteCli.ForRemote(url, "WRONG", deadline.Token).FailsAsync(AuthFailed, "pool", "list");

        var created = await server.Cli.JsonAsync("apikey", "create", "--name", "ci pipeline");
        var key = created.Str("ApiKey");
        Assert.Equal("ci pipeline", created.Str("Name"));
        var remote = OctoLiteCli.ForRemote(url, key, deadline.Token);
        Assert.Contains("Default Worker Pool", (await remote.JsonAsync("pool", "list")).Names());
        var createdRemotely = await remote.JsonAsync("pool", "create", "--name", "Made remotely");
        Assert.Equal(createdRemotely.Str("Id"), (await server.Cli.JsonAsync("pool", "show", "Made remotely")).Str("Id"));
        var listed = Assert.Single((await server.Cli.JsonAsync("apikey", "list")).Items());
        Assert.DoesNotContain(key, listed.ToJsonString());

        (await server.Cli.RunAsync("apikey", "revoke", "ci pipeline")).ShouldExit(0);
        await remote.FailsAsync(AuthFailed, "pool", "list");
    }

    [BinaryFact]
    public async Task NoServerRunning_ExitsFive_SayingHowToStartOne()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var dir = new TempDirectory();

        var result = await OctoLiteCli.ForDataDir(dir.Path, deadline.Token).FailsAsync(Unreachable, "pool", "list");

        Assert.Contains("octolite server run", result.StdErr);
    }
}
