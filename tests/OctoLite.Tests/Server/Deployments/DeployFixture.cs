using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Deployments;

/// <summary>A real server with the project "Ops" and the given environments, plus a scratch folder scripts write into.</summary>
internal sealed class DeployFixture : IAsyncDisposable
{
    private DeployFixture(RunningServer server, TempDirectory work)
    {
        Server = server;
        Api = new DeployApi(server);
        Work = work;
    }

    public RunningServer Server { get; }
    public DeployApi Api { get; }
    public TempDirectory Work { get; }

    public static async Task<DeployFixture> StartAsync(params string[] environments)
    {
        var fixture = new DeployFixture(await RunningServer.StartAsync(), new TempDirectory());
        await fixture.Api.Tasks.ProjectAsync();
        foreach (var environment in environments)
        {
            await fixture.Api.EnvironmentAsync(environment);
        }

        return fixture;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Work.Dispose();
    }
}
