using OctoLite.Cli.Client;
using OctoLite.Cli.Output;
using OctoLite.Domain;

namespace OctoLite.Cli.Targets;

internal static class TargetOutput
{
    public static async Task WriteAsync(CliContext context, DeploymentTarget target, CancellationToken cancellationToken)
    {
        if (context.Format == OutputFormat.Json)
        {
            context.Render(target, CliJsonContext.Default.DeploymentTarget, (_, _) => { });
            return;
        }

        TargetView.One(context.Out, target, await TargetNames.LoadAsync(context, cancellationToken), context.Time);
    }
}
