namespace OctoLite.Server.Health;

/// <summary>
/// The health checker's own rhythm and limits; what a health check does is the worker's machine policy. The server
/// holds one instance. A loop reads its tick after each wait, so a change takes effect after the current wait; tests
/// call the loops' <c>Tick</c> themselves instead.
/// </summary>
internal sealed class HealthTimings
{
    /// <summary>How often the scheduler looks for workers whose policy's health check interval has passed. Default 10 seconds.</summary>
    public TimeSpan SchedulerTick { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often polling tentacles' polls are looked at, for silence and for <c>LastSeen</c>. Default 5 seconds.</summary>
    public TimeSpan LivenessTick { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A polling tentacle polls all the time; its worker's <c>LastSeen</c> is written when it is older than this, not
    /// on every poll. Default one minute.
    /// </summary>
    public TimeSpan LastSeenWriteInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many Health tasks execute at once, in slots of their own: they neither take nor wait for one of the task
    /// cap's slots, so a check can always start, even while tasks waiting for workers hold every slot of the cap.
    /// Default 2 (the scheduler queues at most one per machine policy at a time).
    /// </summary>
    public int TaskSlots { get; set; } = 2;

    /// <summary>How many workers one Health task checks at once. Default 10.</summary>
    public int Parallelism { get; set; } = 10;

    /// <summary>How many health history entries each worker keeps. Default 50.</summary>
    public int HistoryPerWorker { get; set; } = 50;

    /// <summary>How long a policy's health script may run before the worker counts as Unhealthy. Default 5 minutes.</summary>
    public TimeSpan ScriptTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
