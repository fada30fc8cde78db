using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.ServerVerbs;

internal sealed class ServerDrainCommand : OctoCommand
{
    private readonly Option<bool> _off = new("--off") { Description = "Undrain: let queued tasks start again" };

    public ServerDrainCommand(GlobalOptions options)
        : base("drain", "Drain the node before maintenance: no new task starts (queued ones wait, running ones finish); prints the task queue", options) =>
        Options.Add(_off);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var body = new System.Text.Json.Nodes.JsonObject { ["IsDraining"] = !context.ParseResult.GetValue(_off) };
        await context.Client.PutAsync("api/configuration", body, CliJsonContext.Default.ServerConfiguration, cancellationToken);
        var status = await context.Client.GetAsync("api/serverstatus", CliJsonContext.Default.ServerStatus, cancellationToken);
        context.Render(status.TaskQueue, CliJsonContext.Default.TaskQueueStatus, (w, queue) => TaskQueueView.One(w, status.Node, queue));
        return ExitCodes.Ok;
    }
}
