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
            Description = $"Folder holding the data file and the local socket (env: {EnvironmentVariables.DataDir}; default: $XDG_DATA_HOME/octolite or ~/.local/share/octolite)",
            HelpName = "dir",
            Recursive = true,
        };
        Server = new Option<string?>("--server")
        {
            Description = $"URL of a remote OctoLite server, instead of the local socket (env: {EnvironmentVariables.Server})",
            HelpName = "url",
            Recursive = true,
        };
        ApiKey = new Option<string?>("--api-key")
        {
            Description = $"API key for --server (env: {EnvironmentVariables.ApiKey})",
            HelpName = "key",
            Recursive = true,
        };
        Output = new Option<string?>("--output", "-o")
        {
            Description = $"Output format: table for people, json for scripts (env: {EnvironmentVariables.Output}; default: table)",
            HelpName = "table|json",
            Recursive = true,
        };
    }

    public EnvironmentVariables Environment { get; }
    public Option<string?> DataDir { get; }
    public Option<string?> Server { get; }
    public Option<string?> ApiKey { get; }
    public Option<string?> Output { get; }

    public IEnumerable<Option> All => [DataDir, Server, ApiKey, Output];

    /// <summary>The output format: the option, else the environment, else table. Read when a verb runs, so a bad value never breaks --help.</summary>
    public OutputFormat FormatOf(ParseResult result)
    {
        var option = result.GetValue(Output);
        var value = option ?? Environment.Get(EnvironmentVariables.Output);
        return value?.ToLowerInvariant() switch
        {
            null or "table" => OutputFormat.Table,
            "json" => OutputFormat.Json,
            _ => throw CliException.Usage(option is null
                ? $"{EnvironmentVariables.Output} must be table or json (got '{value}')."
                : $"--output must be table or json (got '{value}')."),
        };
    }
}
