using OctoLite.Cli.Output;
using OctoLite.Tentacle.Agent;

namespace OctoLite.Cli.Tentacle;

internal sealed class TentacleListInstancesCommand : OctoCommand
{
    public TentacleListInstancesCommand(GlobalOptions options) : base("list-instances", "List the tentacle instances on this machine and their home directories", options)
    {
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<TentacleInstanceEntry> instances;
        try
        {
            instances = new TentacleInstanceRegistry(context.Environment).List();
        }
        catch (TentacleConfigException e)
        {
            throw CliException.Usage(e.Message);
        }

        context.Render(instances, TentacleCliJsonContext.Default.IReadOnlyListTentacleInstanceEntry, (w, list) =>
        {
            var table = new Table("NAME", "HOME");
            foreach (var instance in list)
            {
                table.Add(instance.Name, instance.Home);
            }

            table.WriteTo(w);
        });
        return Task.FromResult(ExitCodes.Ok);
    }
}
