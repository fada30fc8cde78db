using OctoLite.Acceptance.Support;

namespace OctoLite.Acceptance;

public sealed class WorkerLifecycleTests
{
    private const string Thumbprint = "ABCDEF0123456789ABCDEF0123456789ABCDEF01";

    [BinaryFact]
    public async Task Workers_ListeningSshAndPolling_CreateFilterUpdateDisableDelete()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var dir = new TempDirectory();
        await using var server = await ServerFixture.StartAsync(dir.Path, deadline.Token);
        var cli = server.Cli;
        var linuxId = (await cli.JsonAsync("pool", "create", "--name", "Linux")).Str("Id");
        var windowsId = (await cli.JsonAsync("pool", "create", "--name", "Windows")).Str("Id");
        var defaultPolicyId = (await cli.JsonAsync("policy", "list")).Items().Single(p => p.Bool("IsDefault")).Str("Id");

        var listening = await cli.JsonAsync("worker", "create", "--name", "listener-1", "--pool", "Linux",
            "--kind", "TentaclePassive", "--uri", "https://10.0.0.5:10933/", "--thumbprint", Thumbprint);
        Assert.Equal("listener-1", listening.Str("Name"));
        Assert.Equal([linuxId], listening.Strings("WorkerPoolIds"));
        Assert.False(listening.Bool("IsDisabled"));
        Assert.Equal("Unknown", listening.Str("HealthStatus"));
        Assert.Equal(defaultPolicyId, listening.Str("MachinePolicyId"));
        var listeningEndpoint = listening.Field("Endpoint");
        Assert.Equal("TentaclePassive", listeningEndpoint.Str("CommunicationStyle"));
        Assert.Equal("https://10.0.0.5:10933/", listeningEndpoint.Str("Uri"));
        Assert.Equal(Thumbprint, listeningEndpoint.Str("Thumbprint"));

        var ssh = await cli.JsonAsync("worker", "create", "--name", "ssh-1", "--pool", "Linux", "--pool", windowsId,
            "--kind", "Ssh", "--host", "10.0.0.6", "--port", "2222", "--username", "deploy", "--fingerprint", "SHA256:bm90LWEtcmVhbC1rZXk");
        Assert.Equal([linuxId, windowsId], ssh.Strings("WorkerPoolIds"));
        var sshEndpoint = ssh.Field("Endpoint");
        Assert.Equal("Ssh", sshEndpoint.Str("CommunicationStyle"));
        Assert.Equal("10.0.0.6", sshEndpoint.Str("Host"));
        Assert.Equal(2222, sshEndpoint.Int("Port"));
        Assert.Equal("deploy", sshEndpoint.Str("Username"));
        Assert.Equal("SHA256:bm90LWEtcmVhbC1rZXk", sshEndpoint.Str("Fingerprint"));

        var polling = await cli.JsonAsync("worker", "create", "--name", "poller-1", "--pool", "Windows",
            "--kind", "TentacleActive", "--uri", "poll://ABC/", "--thumbprint", Thumbprint);
        var pollingEndpoint = polling.Field("Endpoint");
        Assert.Equal("TentacleActive", pollingEndpoint.Str("CommunicationStyle"));
        // A URI's host is case-insensitive (the binary stores it lower-cased); the subscription must survive.
        Assert.Equal("poll://ABC/", pollingEndpoint.Str("Uri"), ignoreCase: true);
        Assert.Equal(Thumbprint, pollingEndpoint.Str("Thumbprint"));

        Assert.Equal(["listener-1", "ssh-1"], Sorted((await cli.JsonAsync("worker", "list", "--pool", "Linux")).Names()));
        Assert.Equal(["poller-1", "ssh-1"], Sorted((await cli.JsonAsync("worker", "list", "--pool", windowsId)).Names()));
        Assert.Equal(["poller-1"], (await cli.JsonAsync("worker", "list", "--name", "poll")).Names());

        var moved = await cli.JsonAsync("worker", "update", listening.Str("Id"), "--name", "listener-renamed", "--pool", "Windows");
        Assert.Equal("listener-renamed", moved.Str("Name"));
        Assert.Equal([windowsId], moved.Strings("WorkerPoolIds"));
        Assert.Equal(["ssh-1"], (await cli.JsonAsync("worker", "list", "--pool", "Linux")).Names());
        Assert.Equal(["listener-renamed", "poller-1", "ssh-1"], Sorted((await cli.JsonAsync("worker", "list", "--pool", "Windows")).Names()));

        Assert.True((await cli.JsonAsync("worker", "disable", "ssh-1")).Bool("IsDisabled"));
        Assert.True((await cli.JsonAsync("worker", "show", ssh.Str("Id"))).Bool("IsDisabled"));
        Assert.False((await cli.JsonAsync("worker", "enable", ssh.Str("Id"))).Bool("IsDisabled"));
        Assert.False((await cli.JsonAsync("worker", "show", "ssh-1")).Bool("IsDisabled"));

        await cli.JsonAsync("worker", "delete", "poller-1");
        Assert.NotEqual(0, (await cli.RunAsync("worker", "show", polling.Str("Id"))).ExitCode);
        Assert.Equal(["listener-renamed", "ssh-1"], Sorted((await cli.JsonAsync("worker", "list")).Names()));
    }

    [BinaryFact]
    public async Task Workers_BadInput_ExitsTwo_NamingTheField_AndChangesNothing()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var dir = new TempDirectory();
        await using var server = await ServerFixture.StartAsync(dir.Path, deadline.Token);
        var cli = server.Cli;

        var badThumbprint = await cli.FailsAsync(2, "worker", "create", "--name", "w", "--pool", "Default Worker Pool",
            "--kind", "TentaclePassive", "--uri", "https://10.0.0.5:10933/", "--thumbprint", "not-a-thumbprint");
        Assert.Contains("Endpoint.Thumbprint", badThumbprint.StdErr);

        var unknownPool = await cli.FailsAsync(2, "worker", "create", "--name", "w", "--pool", "No Such Pool",
            "--kind", "TentaclePassive", "--uri", "https://10.0.0.5:10933/", "--thumbprint", Thumbprint);
        Assert.Contains("No Such Pool", unknownPool.StdErr);

        Assert.Empty((await cli.JsonAsync("worker", "list")).Items());
    }

    private static List<string> Sorted(IEnumerable<string> names) => names.Order(StringComparer.Ordinal).ToList();
}
