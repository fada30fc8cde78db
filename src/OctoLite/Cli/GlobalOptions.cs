using System.CommandLine;
using OctoLite.Cli.Output;
using OctoLite.Hosting;

namespace OctoLite.Cli;

/// <summary>Options every verb accepts; each has an OCTOLITE_* environment twin, read here and nowhere else.</summary>
internal sealed class GlobalOptions
{
    public GlobalOptions(EnvironmentVariables environment)
    {
        Environment = environment;
        DataDir = new Option<string?>("--data-dir")
        {
            Description = $"Folder holding the data file and the local socket [env: {EnvironmentVariables.DataDir}; default: $XDG_DATA_HOME/octolite or ~/.local/share/octolite]",
            Recursive = true,
        };
        Server = new Option<string?>("--server")
        {
            Description = $"URL of a remote OctoLite server, instead of the local socket [env: {EnvironmentVariables.Server}]",
            Recursive = true,
        };
        ApiKey = new Option<string?>("--api-key")
        {
            Description = $"API key for --server [env: {EnvironmentVariables.ApiKey}]",
            Recursive = true,
        };
        Output = new Option<OutputFormat>("--output", "-o")
        {
            Description = $"Output format: table or json [env: {EnvironmentVariables.Output}]",
            Recursive = true,
            DefaultValueFactory = _ => ParseFormat(environment.Get(EnvironmentVariables.Output)),
        };
    }

    public EnvironmentVariables Environment { get; }
    public Option<string?> DataDir { get; }
    public Option<string?> Server { get; }
    public Option<string?> ApiKey { get; }
    public Option<OutputFormat> Output { get; }

    public IEnumerable<Option> All => [DataDir, Server, ApiKey, Output];

    private static OutputFormat ParseFormat(string? value) => value?.ToLowerInvariant() switch
    {
        null or "table" => OutputFormat.Table,
        "json" => OutputFormat.Json,
        _ => throw CliException.Usage($"{EnvironmentVariables.Output} must be table or json (got '{value}')."),
    };
}
