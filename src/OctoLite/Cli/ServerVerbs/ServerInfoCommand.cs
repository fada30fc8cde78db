using OctoLite.Cli.Client;
using OctoLite.Cli.Output;

namespace OctoLite.Cli.ServerVerbs;

internal sealed class ServerInfoCommand(GlobalOptions options) : OctoCommand("info", "Show the running server's version, addresses and data dir; exits 5 when none answers", options)
{
    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var status = await context.Client.GetAsync("api/serverstatus", CliJsonContext.Default.ServerStatus, cancellationToken);
        context.Render(status, CliJsonContext.Default.ServerStatus, (w, s) => Table.WriteFields(w,
        [
            ("Version", s.Version),
            ("Node", s.Node),
            ("Process id", s.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Started", Display.Time(s.StartedAt)),
            ("Uptime", s.Uptime.ToString(@"d\.hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture)),
            ("Data dir", s.DataDirectory),
            ("Schema version", s.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Listening on", string.Join(", ", s.ListenAddresses)),
            ("Task queue", s.TaskQueue is { } queue ? TaskQueueView.Summary(queue) : "unknown (an older server)"),
        ]));
        return ExitCodes.Ok;
    }
}
