namespace OctoLite.Benchmarks;

/// <summary>A task as <c>/api/tasks/{id}/wait</c> returned it once it had finished; the times are the server's clock.</summary>
/// <param name="State">Success, Failed, Canceled or TimedOut.</param>
/// <param name="LogLineCount">Lines stored in its log.</param>
internal sealed record FinishedTask(
    string Id,
    string State,
    string ErrorMessage,
    long LogLineCount,
    DateTimeOffset QueueTime,
    DateTimeOffset? StartTime,
    DateTimeOffset? CompletedTime)
{
    public bool Succeeded => State == "Success";

    /// <summary>From queued to started executing, by the server's clock.</summary>
    public TimeSpan Queued => (StartTime ?? QueueTime) - QueueTime;

    /// <summary>From started to finished, by the server's clock.</summary>
    public TimeSpan Executing => (CompletedTime ?? StartTime ?? QueueTime) - (StartTime ?? QueueTime);
}
