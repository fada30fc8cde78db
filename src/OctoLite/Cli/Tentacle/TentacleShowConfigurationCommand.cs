namespace OctoLite.Cli.Tentacle;

internal sealed class TentacleShowConfigurationCommand(GlobalOptions options)
    : TentacleCommand("show-configuration", "Show the instance's settings: listening address, trusted servers, thumbprint", options)
{
    protected override Task<int> ExecuteAsync(CliContext context, OctoLite.Tentacle.Agent.TentacleInstances instances, CancellationToken cancellationToken)
    {
        var config = LoadInstance(context, instances);
        var view = TentacleConfigurationView.Of(config, TentacleInstanceCertificate.Thumbprint(config));
        context.Render(view, TentacleCliJsonContext.Default.TentacleConfigurationView, TentacleConfigurationView.Write);
        return Task.FromResult(ExitCodes.Ok);
    }
}
