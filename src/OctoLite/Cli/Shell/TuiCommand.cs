namespace OctoLite.Cli.Shell;

internal sealed class TuiCommand(GlobalOptions options) : OctoCommand("tui", "Open the full-screen terminal UI on a running server (local socket, or --server URL --api-key KEY)", options)
{
    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        TuiLauncher.RunAsync(context, startServerIfNone: false, cancellationToken);
}
