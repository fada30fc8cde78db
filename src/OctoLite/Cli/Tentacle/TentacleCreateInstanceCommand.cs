using OctoLite.Tentacle.Agent;

namespace OctoLite.Cli.Tentacle;

internal sealed class TentacleCreateInstanceCommand(GlobalOptions options)
    : TentacleCommand("create-instance", "Create a tentacle instance: its home directory, settings and certificate, registered by name", options, instanceRequired: true)
{
    protected override Task<int> ExecuteAsync(CliContext context, TentacleInstances instances, CancellationToken cancellationToken)
    {
        var config = instances.Create(context.ParseResult.GetValue(Instance)!, context.ParseResult.GetValue(Home));
        var view = TentacleConfigurationView.Of(config, TentacleInstanceCertificate.Thumbprint(config));
        context.Error.WriteLine($"Created tentacle instance {config.Name} in {config.HomeDirectory}.");
        context.Render(view, TentacleCliJsonContext.Default.TentacleConfigurationView, TentacleConfigurationView.Write);
        return Task.FromResult(ExitCodes.Ok);
    }
}
