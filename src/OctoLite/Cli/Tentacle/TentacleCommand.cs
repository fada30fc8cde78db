using System.CommandLine;
using OctoLite.Tentacle.Agent;

namespace OctoLite.Cli.Tentacle;

/// <summary>
/// Base of the <c>octolite tentacle</c> verbs: they act on a local instance (chosen by <c>--instance</c> or
/// <c>--home</c>). Only register-worker and deregister-worker talk to a server, the one named by <c>--server</c>.
/// </summary>
internal abstract class TentacleCommand : OctoCommand
{
    protected TentacleCommand(string name, string description, GlobalOptions options, bool instanceRequired = false) : base(name, description, options)
    {
        Instance = new Option<string?>("--instance")
        {
            Description = instanceRequired ? "Name of the new instance" : $"Name of the tentacle instance (default: {TentacleInstanceConfig.DefaultName})",
            HelpName = "name",
            Required = instanceRequired,
        };
        Home = new Option<string?>("--home")
        {
            Description = instanceRequired
                ? "Home directory of the new instance (default: $XDG_DATA_HOME/octolite-tentacle/<name> or ~/.local/share/octolite-tentacle/<name>)"
                : "Home directory of the instance, instead of looking --instance up in the instance list",
            HelpName = "dir",
        };
        Options.Add(Instance);
        Options.Add(Home);
    }

    protected Option<string?> Instance { get; }

    protected Option<string?> Home { get; }

    protected sealed override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        try
        {
            // Awaited inside the try: a verb that loads its instance after its first await is covered too.
            return await ExecuteAsync(context, new TentacleInstances(context.Environment), cancellationToken);
        }
        catch (TentacleConfigException e)
        {
            throw CliException.Usage(e.Message);
        }
    }

    protected abstract Task<int> ExecuteAsync(CliContext context, TentacleInstances instances, CancellationToken cancellationToken);

    /// <summary>The instance chosen by <c>--home</c>, else <c>--instance</c> (default "Tentacle").</summary>
    protected TentacleInstanceConfig LoadInstance(CliContext context, TentacleInstances instances) =>
        instances.Load(context.ParseResult.GetValue(Instance), context.ParseResult.GetValue(Home));
}
