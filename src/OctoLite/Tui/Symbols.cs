using OctoLite.Domain;

namespace OctoLite.Tui;

/// <summary>
/// The symbols that carry state beside colour, so the state reads the same without colour; each has an
/// ASCII form for terminals that are not UTF-8.
/// </summary>
internal sealed class Symbols(bool unicode)
{
    public bool Unicode { get; } = unicode;

    public string Health(HealthStatus status, bool disabled = false)
    {
        if (disabled)
            return Unicode ? "⊘ Disabled" : "- Disabled";

        return status switch
        {
            HealthStatus.Healthy => Unicode ? "✓ Healthy" : "+ Healthy",
            HealthStatus.HasWarnings => Unicode ? "▲ HasWarnings" : "! HasWarnings",
            HealthStatus.Unhealthy => Unicode ? "✗ Unhealthy" : "x Unhealthy",
            HealthStatus.Unavailable => Unicode ? "○ Unavailable" : "o Unavailable",
            _ => "? Unknown",
        };
    }

    public string Task(TaskState state) => state switch
    {
        TaskState.Queued => Unicode ? "… Queued" : ". Queued",
        TaskState.Executing => Unicode ? "▶ Executing" : "> Executing",
        TaskState.Cancelling => Unicode ? "■ Cancelling" : "# Cancelling",
        TaskState.Success => Unicode ? "✓ Success" : "+ Success",
        TaskState.Failed => Unicode ? "✗ Failed" : "x Failed",
        TaskState.Canceled => Unicode ? "⊘ Canceled" : "- Canceled",
        TaskState.TimedOut => Unicode ? "⌛ TimedOut" : "x TimedOut",
        _ => state.ToString(),
    };

    /// <summary>The mark of the default pool in a table's DEFAULT column.</summary>
    public string Yes => Unicode ? "★" : "*";
}
