using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Projects;

namespace OctoLite.Cli.Releases;

internal sealed class ReleaseCreateCommand : OctoCommand
{
    private readonly Option<string> _project = ProjectOption.Required();
    private readonly Option<string> _version = new("--version") { Description = "The release's version, unique within the project, e.g. 1.4.0", HelpName = "version", Required = true };
    private readonly Option<string?> _notes = new("--notes") { Description = "Release notes", HelpName = "text" };

    public ReleaseCreateCommand(GlobalOptions options)
        : base("create", "Create a release: a snapshot of the project's deployment process and variables as they are now", options)
    {
        Options.Add(_project);
        Options.Add(_version);
        Options.Add(_notes);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var body = new JsonPatch().Set("ProjectId", result.GetValue(_project)).Set("Version", result.GetValue(_version)).Set("ReleaseNotes", result.GetValue(_notes)).Body;
        var release = await context.Client.PostAsync("api/releases", body, CliJsonContext.Default.Release, cancellationToken);
        context.Render(release, CliJsonContext.Default.Release, ReleaseView.One);
        return ExitCodes.Ok;
    }
}
