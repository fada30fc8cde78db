using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Projects;

namespace OctoLite.Cli.Releases;

internal sealed class ReleaseListCommand : OctoCommand
{
    private readonly Option<string?> _project = ProjectOption.Optional("Only this project's releases");

    public ReleaseListCommand(GlobalOptions options) : base("list", "List releases, newest first", options) => Options.Add(_project);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var project = context.ParseResult.GetValue(_project);
        var path = "api/releases?take=1000" + (project is null ? "" : $"&project={Uri.EscapeDataString(project.Trim())}");
        var page = await context.Client.GetAsync(path, CliJsonContext.Default.ResourceCollectionRelease, cancellationToken);
        context.Render(page.Items.ToList(), CliJsonContext.Default.ListRelease, ReleaseView.List);
        return ExitCodes.Ok;
    }
}
