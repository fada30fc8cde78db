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
        OctoLiteServer? inProcess = null;
        if (!await AnswersAsync(context.Client, cancellationToken))
        {
            if (!launch.StartServerIfNone || address.SocketPath is null)
            {
                // Repeats the call so the user sees the client's explanation and exit code 5.
                await context.Client.GetAsync("api/serverstatus", CliJsonContext.Default.ServerStatus, cancellationToken);
            }

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
            if (launch.Screen is { } screen && Tui.Screens.ScreenCatalog.Find(screen) is null)
            {
                throw new CliException(ExitCodes.Usage, $"There is no screen called '{screen}'. Screens: {string.Join(", ", Tui.Screens.ScreenCatalog.Entries.Select(e => e.Name))}.");
            }

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
