using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Projects;
using OctoLite.Cli.Tasks;

namespace OctoLite.Cli.Deployments;

internal sealed class DeployCommand : OctoCommand
{
    private readonly Option<string> _project = ProjectOption.Required();
    private readonly Option<string> _release = new("--release") { Description = "The release's version (or id)", HelpName = "version", Required = true };
    private readonly Option<string> _environment = new("--environment") { Description = "The environment to deploy to (name or id)", HelpName = "environment", Required = true };
    private readonly Option<string[]> _skip = new("--skip") { Description = "Leave this step out (name or id); repeat for several. Required steps cannot be skipped", HelpName = "step" };
    private readonly Option<TimeSpan?> _timeout = new("--timeout") { Description = "Stop the deployment as TimedOut if it takes longer than this (default: no limit)", HelpName = "hh:mm:ss" };
    private readonly Option<bool> _wait = new("--wait") { Description = "Wait for the deployment to end and show it; exit 0 Success, 1 Failed, 3 Canceled or TimedOut; Ctrl+C stops waiting (exit 130), the deployment goes on" };
    private readonly Option<bool> _follow = new("--follow", "-f") { Description = "Print the log as it is written, then a summary on stderr; implies --wait and its exit codes" };
    private readonly Option<bool> _verbose = VerboseOption.Create();

    public DeployCommand(GlobalOptions options) : base("deploy", "Deploy a release to an environment: queue a deployment task, and wait for it with --wait or --follow", options)
    {
        Options.Add(_project);
        Options.Add(_release);
        Options.Add(_environment);
        Options.Add(_skip);
        Options.Add(_timeout);
        Options.Add(_wait);
        Options.Add(_follow);
        Options.Add(_verbose);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var body = new JsonPatch()
            .Set("ProjectId", result.GetValue(_project))
            .Set("ReleaseId", result.GetValue(_release))
            .Set("EnvironmentId", result.GetValue(_environment))
            .Set("SkipActions", result.GetValue(_skip) ?? [])
            .Set("Timeout", result.GetValue(_timeout))
            .Body;
        var task = await context.Client.PostAsync("api/deployments", body, CliJsonContext.Default.ServerTask, cancellationToken);
        return await QueuedTaskFollower.FinishAsync(context, task, result.GetValue(_wait), result.GetValue(_follow), result.GetValue(_verbose), cancellationToken);
    }
}
