using OctoLite.Cli.Client;
using OctoLite.Cli.ServerVerbs;
using OctoLite.Hosting;
using OctoLite.Server;
using OctoLite.Tui;

namespace OctoLite.Cli.Shell;

/// <summary>Opens the terminal UI on a server: the one already running, or (for bare <c>octolite</c>) one started in-process.</summary>
internal static class TuiLauncher
{
    public static async Task<int> RunAsync(CliContext context, TuiLaunch launch, CancellationToken cancellationToken)
    {
        var address = context.Address;
        if (launch.Screen is { } wanted && Tui.Screens.ScreenCatalog.Find(wanted) is null)
        {
            throw new CliException(ExitCodes.Usage, $"There is no screen called '{wanted}'. Screens: {string.Join(", ", Tui.Screens.ScreenCatalog.Entries.Select(e => e.Name))}.");
        }

        OctoLiteServer? inProcess = null;
        if (!await AnswersAsync(context.Client, cancellationToken) && !(await AnswersAfterAllAsync(context, launch, address, cancellationToken)))
        {
            context.Error.WriteLine($"Starting an OctoLite server on {context.Paths.Directory} (it stops when you quit)…");
            inProcess = await ServerRunCommand.StartAsync(new ServerOptions
            {
                Paths = context.Paths,
                Listen = context.Environment.Get(EnvironmentVariables.Listen) ?? ServerOptions.DefaultListen,
                LogFormat = LogFormat.None,
            }, cancellationToken);
        }

        try
        {
            var description = inProcess is null ? $"Attached to {address.Describe()}" : $"Serving {context.Paths.Directory} in this process ({string.Join(", ", inProcess.ListenAddresses)})";
            var client = context.Client;
            var options = TuiOptions.FromEnvironment(context.Environment.Get, launch.ReadOnly, launch.NoColor);
            var start = new TuiStartInfo(description, ct => StatusLine.ReadAsync(client, ct), new Tui.Data.TuiApi(client), options, launch.Screen);
            return TuiShell.Run(start, cancellationToken);
        }
        finally
        {
            if (inProcess is not null)
            {
                await inProcess.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Whether to attach after all, when the first call got no answer: <c>tui</c> and a remote <c>--server</c> never start
    /// a server, so the call is repeated for the client's explanation and exit code 5 (and if the server has come up
    /// meanwhile, the UI attaches to it). Bare <c>octolite</c> on a local data dir starts one (false).
    /// </summary>
    private static async Task<bool> AnswersAfterAllAsync(CliContext context, TuiLaunch launch, ServerAddress address, CancellationToken cancellationToken)
    {
        if (launch.StartServerIfNone && address.SocketPath is not null)
        {
            return false;
        }

        await context.Client.GetAsync("api/serverstatus", CliJsonContext.Default.ServerStatus, cancellationToken);
        return true;
    }

    private static async Task<bool> AnswersAsync(OctoLiteClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetAsync("api/serverstatus", CliJsonContext.Default.ServerStatus, cancellationToken);
            return true;
        }
        catch (CliException e) when (e.ExitCode == ExitCodes.Unreachable)
        {
            return false;
        }
    }
}
