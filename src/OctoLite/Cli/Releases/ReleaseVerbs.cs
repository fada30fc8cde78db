using OctoLite.Cli.Client;
using OctoLite.Cli.Projects;
using OctoLite.Domain;

namespace OctoLite.Cli.Releases;

/// <summary><c>release show</c> and <c>release delete</c>.</summary>
internal static class ReleaseVerbs
{
    private const string ProjectHelp = "The release's project (needed when the release is given by version)";

    public static ProjectScopedCommand<Release> Show(GlobalOptions options) => new(options, "show", "Show a release and the process it snapshotted",
        ReleaseArgument.Create(), ProjectHelp, ReleaseView.Path, delete: false, CliJsonContext.Default.Release, ReleaseView.One);

    public static ProjectScopedCommand<Release> Delete(GlobalOptions options) => new(options, "delete", "Delete a release (refused while a deployment of it is queued or running)",
        ReleaseArgument.Create(), ProjectHelp, ReleaseView.Path, delete: true, CliJsonContext.Default.Release,
        (w, r) => w.WriteLine($"Deleted release {r.Version} ({r.Id})."));
}
