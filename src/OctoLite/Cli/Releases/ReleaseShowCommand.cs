using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Projects;

namespace OctoLite.Cli.Releases;

internal sealed class ReleaseShowCommand : OctoCommand
{
    private readonly Argument<string> _release = ReleaseArgument.Create();
    private readonly Option<string?> _project = ProjectOption.Optional("The release's project (needed when the release is given by version)");

    public ReleaseShowCommand(GlobalOptions options) : base("show", "Show a release and the process it snapshotted", options)
    {
        Arguments.Add(_release);
        Options.Add(_project);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var release = await context.Client.GetAsync(ReleaseView.Path(result.GetValue(_release)!, result.GetValue(_project)), CliJsonContext.Default.Release, cancellationToken);
        context.Render(release, CliJsonContext.Default.Release, ReleaseView.One);
        return ExitCodes.Ok;
    }
}
