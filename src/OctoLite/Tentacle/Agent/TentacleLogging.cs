using OctoLite.Hosting;

namespace OctoLite.Tentacle.Agent;

/// <summary>Where the agent logs: stderr (stdout belongs to data), as text or JSON, plus any extra sink.</summary>
internal static class TentacleLogging
{
    public static ILoggerFactory CreateFactory(TentacleAgentOptions options) => LoggerFactory.Create(logging => Configure(logging, options));

    public static void Configure(ILoggingBuilder logging, TentacleAgentOptions options) =>
        ConsoleLogging.Configure(logging, options.LogFormat, options.LoggerProvider is { } provider ? new SharedLoggerProvider(provider) : null);

    /// <summary>Lends a provider to a factory without handing over its disposal (the caller owns it).</summary>
    private sealed class SharedLoggerProvider(ILoggerProvider inner) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => inner.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }
}
