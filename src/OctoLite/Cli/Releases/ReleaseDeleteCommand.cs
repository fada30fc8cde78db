using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Projects;

namespace OctoLite.Cli.Releases;

internal sealed class ReleaseDeleteCommand : OctoCommand
{
    private readonly Argument<string> _release = ReleaseArgument.Create();
    private readonly Option<string?> _project = ProjectOption.Optional("The release's project (needed when the release is given by version)");

    public ReleaseDeleteCommand(GlobalOptions options) : base("delete", "Delete a release (refused while a deployment of it is queued or running)", options)
    {
        Arguments.Add(_release);
        Options.Add(_project);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var release = await context.Client.DeleteAsync(ReleaseView.Path(result.GetValue(_release)!, result.GetValue(_project)), CliJsonContext.Default.Release, cancellationToken);
        context.Render(release, CliJsonContext.Default.Release, (w, r) => w.WriteLine($"Deleted release {r.Version} ({r.Id})."));
        return ExitCodes.Ok;
    }
}
