using Microsoft.Extensions.Logging.Console;
using OctoLite.Hosting;

namespace OctoLite.Tentacle.Agent;

/// <summary>Where the agent logs: stderr (stdout belongs to data), as text or JSON, plus any extra sink.</summary>
internal static class TentacleLogging
{
    public static ILoggerFactory CreateFactory(TentacleAgentOptions options) => LoggerFactory.Create(logging => Configure(logging, options));

    public static void Configure(ILoggingBuilder logging, TentacleAgentOptions options)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        if (options.LoggerProvider is { } provider)
        {
            logging.AddProvider(new SharedLoggerProvider(provider));
        }

        switch (options.LogFormat)
        {
            case LogFormat.Json:
                logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ");
                break;
            case LogFormat.Text:
                logging.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                    o.UseUtcTimestamp = true;
                });
                break;
            default:
                return;
        }

        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    /// <summary>Lends a provider to a factory without handing over its disposal (the caller owns it).</summary>
    private sealed class SharedLoggerProvider(ILoggerProvider inner) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => inner.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }
}
