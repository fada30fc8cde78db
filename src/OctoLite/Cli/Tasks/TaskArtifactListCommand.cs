using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Tasks;

internal sealed class TaskArtifactListCommand : OctoCommand
{
    private readonly Argument<string> _task = TaskArgument.Create();

    public TaskArtifactListCommand(GlobalOptions options) : base("list", "List the files a task's steps collected with new_octopusartifact", options) => Arguments.Add(_task);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var artifacts = await context.Client.GetAsync(TaskArgument.Path(context.ParseResult.GetValue(_task)!, "/artifacts"), CliJsonContext.Default.ListArtifact, cancellationToken);
        context.Render(artifacts, CliJsonContext.Default.ListArtifact, (w, list) => ArtifactView.List(w, list, context.Time));
        return ExitCodes.Ok;
    }
}
