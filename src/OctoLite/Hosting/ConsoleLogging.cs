using Microsoft.Extensions.Logging.Console;

namespace OctoLite.Hosting;

/// <summary>How the server and the tentacle agent log: to stderr (stdout belongs to data), as text or JSON lines, or not at all.</summary>
internal static class ConsoleLogging
{
    public static void Configure(ILoggingBuilder logging, LogFormat format, ILoggerProvider? extra = null)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        if (extra is not null)
        {
            logging.AddProvider(extra);
        }

        switch (format)
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
}
