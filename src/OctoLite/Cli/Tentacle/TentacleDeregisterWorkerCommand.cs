using OctoLite.Cli.Client;
using OctoLite.Domain;
using OctoLite.Tentacle.Agent;

namespace OctoLite.Cli.Tentacle;

/// <summary>
/// <c>octolite tentacle deregister-worker</c>: deletes from the server (global <c>--server</c>/<c>--api-key</c>) every
/// worker reached through this instance's certificate, then forgets the server in the instance (its URL, polling
/// address and subscription). The server's thumbprint stays trusted: other registrations may rely on it.
/// </summary>
internal sealed class TentacleDeregisterWorkerCommand(GlobalOptions options)
    : TentacleCommand("deregister-worker", "Delete the workers that use this tentacle instance from a server (--server URL --api-key KEY)", options)
{
    // Loaded synchronously: the base class turns a bad instance into a usage error only when thrown before the first await.
    protected override Task<int> ExecuteAsync(CliContext context, TentacleInstances instances, CancellationToken cancellationToken) =>
        DeregisterAsync(context, LoadInstance(context, instances), cancellationToken);

    private async Task<int> DeregisterAsync(CliContext context, TentacleInstanceConfig config, CancellationToken cancellationToken)
    {
        var client = TentacleRegistrationServer.Connect(context, Globals, Name);
        var thumbprint = TentacleInstanceCertificate.Thumbprint(config);
        var mine = (await TentacleRegistrationServer.ListWorkersAsync(client, cancellationToken))
            .Where(w => TentacleRegistrationServer.IsThisTentacle(w, thumbprint))
            .ToList();
        if (mine.Count == 0)
        {
            throw CliException.Usage(
                $"No worker on {client.Address.Url} uses tentacle instance {config.Name} (thumbprint {thumbprint}); nothing was removed.");
        }

        var deleted = new List<Worker>();
        foreach (var worker in mine)
        {
            deleted.Add(await client.DeleteAsync($"api/workers/{OctoLiteClient.Segment(worker.Id)}", CliJsonContext.Default.Worker, cancellationToken));
        }

        var updated = config with { ServerUrl = "", ServerCommsAddress = "", SubscriptionId = "" };
        var done = $"Deleted {string.Join(", ", deleted.Select(w => $"worker '{w.Name}' ({w.Id})"))} from {client.Address.Url}";
        if (updated != config)
        {
            TentacleRegistrationServer.Save(updated, done);
        }

        context.Render(deleted, CliJsonContext.Default.ListWorker, (w, list) =>
        {
            foreach (var worker in list)
            {
                w.WriteLine($"Deleted worker '{worker.Name}' ({worker.Id}).");
            }
        });
        context.Error.WriteLine($"Tentacle instance {config.Name} is no longer registered with {client.Address.Url}; it still trusts that server's certificate (remove it with `octolite tentacle configure --remove-trust`).");
        return ExitCodes.Ok;
    }
}
