using System.CommandLine;
using OctoLite.Cli.ApiKeys;
using OctoLite.Cli.Audit;
using OctoLite.Cli.Certificates;
using OctoLite.Cli.Config;
using OctoLite.Cli.Deployments;
using OctoLite.Cli.Environments;
using OctoLite.Cli.Policies;
using OctoLite.Cli.Pools;
using OctoLite.Cli.Projects;
using OctoLite.Cli.Releases;
using OctoLite.Cli.Runbooks;
using OctoLite.Cli.ServerVerbs;
using OctoLite.Cli.Targets;
using OctoLite.Cli.Shell;
using OctoLite.Cli.Tasks;
using OctoLite.Cli.Tentacle;
using OctoLite.Cli.Variables;
using OctoLite.Cli.Workers;
using OctoLite.Hosting;

namespace OctoLite.Cli;

/// <summary>The command tree: <c>octolite &lt;noun&gt; &lt;verb&gt;</c>. Composition only; each verb lives in its own file.</summary>
internal static class CliRoot
{
    public static RootCommand Create(EnvironmentVariables environment)
    {
        var options = new GlobalOptions(environment);
        var root = new RootCommand(
            "OctoLite: a self-hosted deployment-automation server in one file, with Octopus-style workers and worker pools.\n" +
            "Run with no command on a terminal to open the terminal UI (starting a server if none runs).");
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(new NounCommand("server", "Run or inspect the OctoLite server",
            new ServerRunCommand(options), new ServerInfoCommand(options), new ServerDrainCommand(options), new ServerShowThumbprintCommand(options)));
        root.Subcommands.Add(new NounCommand("pool", "Worker pools: groups of workers that steps run on",
            new PoolListCommand(options), new PoolShowCommand(options), new PoolCreateCommand(options), new PoolUpdateCommand(options),
            new PoolDeleteCommand(options), new PoolSetDefaultCommand(options), new PoolReorderCommand(options)));
        root.Subcommands.Add(new NounCommand("worker", "Workers: machines that run steps for the server",
            new WorkerListCommand(options), new WorkerShowCommand(options), new WorkerCreateCommand(options), new WorkerRegisterListeningCommand(options), new WorkerUpdateCommand(options),
            new WorkerDeleteCommand(options), new WorkerEnableCommand(options, enable: true), new WorkerEnableCommand(options, enable: false), new WorkerHealthCheckCommand(options)));
        root.Subcommands.Add(new NounCommand("policy", "Machine policies: how workers are health-checked, connected to and cleaned up",
            new PolicyListCommand(options), new PolicyShowCommand(options), new PolicyCreateCommand(options), new PolicyUpdateCommand(options),
            new PolicyDeleteCommand(options)));
        root.Subcommands.Add(new NounCommand("environment", "Environments: the stages deployments go through, such as Test and Production",
            new EnvironmentListCommand(options), new EnvironmentShowCommand(options), new EnvironmentCreateCommand(options), new SortedResourceUpdateCommand<Domain.DeploymentEnvironment>(options, "Change an environment's name, description or sort order", EnvironmentArgument.Create(),
                "New position in the environment list, lower first", "api/environments", Client.CliJsonContext.Default.DeploymentEnvironment, EnvironmentView.One),
            new EnvironmentDeleteCommand(options)));
        root.Subcommands.Add(new NounCommand("target", "Deployment targets: what deployments act on, selected by environment and role",
            new TargetListCommand(options), new TargetShowCommand(options), new TargetCreateCommand(options), new TargetUpdateCommand(options),
            new TargetDeleteCommand(options), new TargetEnableCommand(options, enable: true), new TargetEnableCommand(options, enable: false),
            new TargetHealthCommand(options)));
        root.Subcommands.Add(new NounCommand("project", "Projects: runbooks and the variables they use",
            new ProjectListCommand(options), new ProjectShowCommand(options), new ProjectCreateCommand(options), new ProjectDeleteCommand(options),
            new NounCommand("process", "The project's deployment process: the steps a deployment of a release runs",
                new ProjectProcessSetCommand(options), new ProjectProcessShowCommand(options))));
        root.Subcommands.Add(new NounCommand("release", "Releases: a version of a project, snapshotting its deployment process and variables",
            new ReleaseListCommand(options), ReleaseVerbs.Show(options), new ReleaseCreateCommand(options), ReleaseVerbs.Delete(options)));
        root.Subcommands.Add(new DeployCommand(options));
        root.Subcommands.Add(new NounCommand("variable", "Project variables, plain or sensitive (encrypted, never shown again)",
            new VariableListCommand(options), new VariableSetCommand(options), new VariableDeleteCommand(options)));
        root.Subcommands.Add(new NounCommand("runbook", "Runbooks: a project's processes of script steps, run on demand",
            new RunbookListCommand(options), RunbookVerbs.Show(options), new RunbookCreateCommand(options), new RunbookUpdateCommand(options),
            RunbookVerbs.Delete(options), new RunbookRunCommand(options)));
        root.Subcommands.Add(new NounCommand("task", "Tasks: runbook runs and deployments queued on the server, their logs, artifacts and manual interventions",
            new TaskListCommand(options), new TaskShowCommand(options), new TaskWhyCommand(options), new TaskLogCommand(options), new TaskWaitCommand(options), new TaskCancelCommand(options),
            new TaskInterventionCommand(options, proceed: true), new TaskInterventionCommand(options, proceed: false),
            new NounCommand("artifact", "Files a task's steps collected with new_octopusartifact",
                new TaskArtifactListCommand(options), new TaskArtifactGetCommand(options))));
        root.Subcommands.Add(new NounCommand("config", "Server configuration: taskCap, workerLeaseTimeout, builtInWorker.*, smtp.*",
            new ConfigGetCommand(options), new ConfigSetCommand(options), new ConfigTestSmtpCommand(options)));
        root.Subcommands.Add(new NounCommand("certificate", "The certificate library: PFX or PEM certificates kept encrypted, for steps to use",
            new CertificateImportCommand(options), new CertificateListCommand(options), new CertificateShowCommand(options), new CertificateDeleteCommand(options)));
        root.Subcommands.Add(new NounCommand("apikey", "API keys for remote access to the server",
            new ApiKeyCreateCommand(options), new ApiKeyListCommand(options), new ApiKeyRevokeCommand(options)));
        root.Subcommands.Add(new NounCommand("audit", "The audit trail of every change",
            new AuditListCommand(options)));
        root.Subcommands.Add(new NounCommand("tentacle", "Run this machine as a Tentacle worker: instances, certificates, trusted servers and the agent",
            new TentacleCreateInstanceCommand(options), new TentacleConfigureCommand(options), new TentacleNewCertificateCommand(options),
            new TentacleShowThumbprintCommand(options), new TentacleRunCommand(options), new TentacleServiceCommand(options), new TentacleListInstancesCommand(options),
            new TentacleShowConfigurationCommand(options),
            new TentacleRegisterWorkerCommand(options), new TentacleDeregisterWorkerCommand(options)));
        root.Subcommands.Add(new TuiCommand(options));
        root.SetAction((parseResult, cancellationToken) => RunBareAsync(parseResult, options, cancellationToken));
        return root;
    }

    /// <summary>Bare <c>octolite</c>: the terminal UI on a terminal, help otherwise (scripts never get a full-screen app).</summary>
    private static async Task<int> RunBareAsync(ParseResult parseResult, GlobalOptions options, CancellationToken cancellationToken)
    {
        if (Console.IsInputRedirected || Console.IsOutputRedirected || parseResult.InvocationConfiguration.Output != Console.Out)
        {
            return await parseResult.RootCommandResult.Command.Parse(["--help"]).InvokeAsync(parseResult.InvocationConfiguration, cancellationToken);
        }

        using var context = new CliContext(parseResult, options);
        try
        {
            return await TuiLauncher.RunAsync(context, new TuiLaunch(StartServerIfNone: true), cancellationToken);
        }
        catch (CliException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
    }
}
