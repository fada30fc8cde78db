namespace OctoLite.Hosting;

/// <summary>
/// The one place OctoLite reads its environment. Every global option has an OCTOLITE_* twin;
/// the lookup is injectable so tests never depend on the machine's environment.
/// </summary>
internal sealed class EnvironmentVariables(Func<string, string?> lookup)
{
    public const string DataDir = "OCTOLITE_DATA_DIR";
    public const string Server = "OCTOLITE_SERVER";
    public const string ApiKey = "OCTOLITE_API_KEY";
    public const string Output = "OCTOLITE_OUTPUT";
    public const string Listen = "OCTOLITE_LISTEN";
    public const string LogFormat = "OCTOLITE_LOG_FORMAT";
    public const string PollingPort = "OCTOLITE_POLLING_PORT";

    public static EnvironmentVariables Process { get; } = new(Environment.GetEnvironmentVariable);

    public string? Get(string name)
    {
        var value = lookup(name);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    public string? XdgDataHome => Get("XDG_DATA_HOME");

    public string? Home => Get("HOME");
}
