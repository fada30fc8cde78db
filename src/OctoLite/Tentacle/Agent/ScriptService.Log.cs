namespace OctoLite.Tentacle.Agent;

internal sealed partial class ScriptService
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Script {Ticket} started ({Syntax})")]
    private static partial void LogScriptStarted(ILogger logger, string ticket, string syntax);

    [LoggerMessage(Level = LogLevel.Information, Message = "Script {Ticket} is already known; a repeated start runs nothing")]
    private static partial void LogRepeatedStart(ILogger logger, string ticket);

    [LoggerMessage(Level = LogLevel.Information, Message = "Script {Ticket} ended {Outcome}, exit code {ExitCode}, {Events} journal entries")]
    private static partial void LogScriptEnded(ILogger logger, string ticket, string outcome, string exitCode, long events);

    [LoggerMessage(Level = LogLevel.Error, Message = "Script {Ticket} could not be run or recorded")]
    private static partial void LogScriptCrashed(ILogger logger, string ticket, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Script {Ticket}: cancel requested")]
    private static partial void LogCancelRequested(ILogger logger, string ticket);

    [LoggerMessage(Level = LogLevel.Information, Message = "Script {Ticket} completed: workspace and journal deleted")]
    private static partial void LogCompleted(ILogger logger, string ticket);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping script {Ticket}: the tentacle is shutting down")]
    private static partial void LogStoppingScript(ILogger logger, string ticket);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Script {Ticket} was running when the previous tentacle stopped; it is recorded as Failed")]
    private static partial void LogRecovered(ILogger logger, string ticket);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete {Folder}: {Reason}")]
    private static partial void LogDeleteFailed(ILogger logger, string folder, string reason);
}
