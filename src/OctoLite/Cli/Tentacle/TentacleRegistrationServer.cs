using OctoLite.Cli.Client;
using OctoLite.Domain;
using OctoLite.Hosting;
using OctoLite.Server.Api;
using OctoLite.Tentacle.Agent;

namespace OctoLite.Cli.Tentacle;

/// <summary>
/// What <c>tentacle register-worker</c> and <c>deregister-worker</c> share: the server they talk to (always a URL
/// with an API key, never the local socket: the tentacle records it and a polling tentacle connects to its host),
/// the workers it already has, and saving the instance once the server has accepted the change.
/// </summary>
internal static class TentacleRegistrationServer
{
    /// <summary>The client for the global <c>--server</c>/<c>--api-key</c> (or their environment twins), which this verb requires.</summary>
    public static OctoLiteClient Connect(CliContext context, GlobalOptions globals, string verb)
    {
        var server = context.ParseResult.GetValue(globals.Server) ?? context.Environment.Get(EnvironmentVariables.Server);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw CliException.Usage(
                $"tentacle {verb} needs --server URL: the OctoLite server's REST API address, e.g. http://octolite.example:8065 (or set {EnvironmentVariables.Server}).");
        }

        // CliContext resolves the same option and twin; this also checks the URL's form and that a key was given.
        return context.Client;
    }

    /// <summary>Every worker on the server, reading all pages.</summary>
    public static async Task<List<Worker>> ListWorkersAsync(OctoLiteClient client, CancellationToken cancellationToken)
    {
        var all = new List<Worker>();
        while (true)
        {
            var page = await client.GetAsync($"api/workers?skip={all.Count}&take={Paging.MaxTake}", CliJsonContext.Default.ResourceCollectionWorker, cancellationToken);
            all.AddRange(page.Items);
            if (page.Items.Count == 0 || all.Count >= page.TotalResults)
            {
                return all;
            }
        }
    }

    /// <summary>True when <paramref name="worker"/> is reached through the tentacle whose certificate has <paramref name="thumbprint"/>.</summary>
    public static bool IsThisTentacle(Worker worker, string thumbprint) =>
        worker.Endpoint.CommunicationStyle.IsTentacle()
        && string.Equals(worker.Endpoint.Thumbprint?.Trim(), thumbprint, StringComparison.OrdinalIgnoreCase);

    /// <summary>Saves the instance after the server has changed; a failure says the server side already happened.</summary>
    public static void Save(TentacleInstanceConfig config, string serverChange)
    {
        try
        {
            TentacleConfigFile.Save(config);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.Failed,
                $"{serverChange}, but the instance's settings could not be saved in {new TentacleHome(config.HomeDirectory).ConfigFile}: {e.Message}");
        }
    }
}
