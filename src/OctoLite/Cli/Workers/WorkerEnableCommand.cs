using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Workers;

/// <summary><c>worker enable</c> and <c>worker disable</c>: a disabled worker is never given work.</summary>
internal sealed class WorkerEnableCommand : OctoCommand
{
    private readonly Argument<string> _worker = WorkerArgument.Create();
    private readonly bool _enable;

    public WorkerEnableCommand(GlobalOptions options, bool enable)
        : base(enable ? "enable" : "disable", enable ? "Let a worker be given work again" : "Stop giving a worker any work", options)
    {
        _enable = enable;
        Arguments.Add(_worker);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var body = new JsonPatch().Set("IsDisabled", !_enable).Body;
        var worker = await context.Client.PutAsync($"api/workers/{OctoLiteClient.Segment(context.ParseResult.GetValue(_worker)!)}", body, CliJsonContext.Default.Worker, cancellationToken);
        context.Render(worker, CliJsonContext.Default.Worker, (w, x) => w.WriteLine($"Worker '{x.Name}' ({x.Id}) is {(x.IsDisabled ? "disabled" : "enabled")}."));
        return ExitCodes.Ok;
    }
}
