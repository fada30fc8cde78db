namespace OctoLite.Cli.Tentacle;

internal sealed class TentacleNewCertificateCommand(GlobalOptions options)
    : TentacleCommand("new-certificate", "Replace the instance's certificate with a new one and print its thumbprint; servers must pin the new thumbprint", options)
{
    protected override Task<int> ExecuteAsync(CliContext context, OctoLite.Tentacle.Agent.TentacleInstances instances, CancellationToken cancellationToken)
    {
        var config = LoadInstance(context, instances);
        var view = new TentacleThumbprintView(config.Name, TentacleInstanceCertificate.Replace(config));
        context.Error.WriteLine($"Instance {config.Name} has a new certificate. Restart its agent, and update the thumbprint on every server that uses this tentacle.");
        context.Render(view, TentacleCliJsonContext.Default.TentacleThumbprintView, (w, v) => w.WriteLine(v.Thumbprint));
        return Task.FromResult(ExitCodes.Ok);
    }
}
