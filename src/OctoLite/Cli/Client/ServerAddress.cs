using OctoLite.Hosting;

namespace OctoLite.Cli.Client;

/// <summary>Which server a client talks to: the local Unix socket of a data dir, or a URL with an API key.</summary>
internal sealed record ServerAddress(string? SocketPath, Uri? Url, string? ApiKey)
{
    public static ServerAddress Local(DataPaths paths) => new(paths.SocketFile, null, null);

    public string Describe() => Url is not null ? Url.ToString() : $"unix:{SocketPath}";

    /// <summary>--server/--api-key (or OCTOLITE_SERVER/OCTOLITE_API_KEY) for a remote server; else the data dir's socket.</summary>
    public static ServerAddress Resolve(string? server, string? apiKey, string? dataDir, EnvironmentVariables environment)
    {
        server ??= environment.Get(EnvironmentVariables.Server);
        apiKey ??= environment.Get(EnvironmentVariables.ApiKey);
        if (server is null)
        {
            return Local(DataPaths.Resolve(dataDir, environment));
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var url) || (url.Scheme != "http" && url.Scheme != "https"))
        {
            throw CliException.Usage($"--server must be an http:// or https:// URL, e.g. http://octolite.example:8065 (got '{server}').");
        }

        if (apiKey is null)
        {
            throw new CliException(ExitCodes.Auth,
                $"A remote server needs an API key: pass --api-key or set {EnvironmentVariables.ApiKey}. Create one on the server with `octolite apikey create --name NAME`.");
        }

        return new ServerAddress(null, url, apiKey);
    }
}
