namespace OctoLite.Cli.Tentacle;

internal sealed class TentacleShowThumbprintCommand(GlobalOptions options)
    : TentacleCommand("show-thumbprint", "Print the thumbprint of the instance's certificate: what the server pins", options)
{
    protected override Task<int> ExecuteAsync(CliContext context, OctoLite.Tentacle.Agent.TentacleInstances instances, CancellationToken cancellationToken)
    {
        var config = LoadInstance(context, instances);
        var view = new TentacleThumbprintView(config.Name, TentacleInstanceCertificate.Thumbprint(config));
        context.Render(view, TentacleCliJsonContext.Default.TentacleThumbprintView, (w, v) => w.WriteLine(v.Thumbprint));
        return Task.FromResult(ExitCodes.Ok);
    }
}
