namespace OctoLite.Server.Tasks;

/// <summary>One thing holding a task back (or what it does now), for <c>octolite task why</c>.</summary>
/// <param name="Message">The reason as a sentence, naming the pool, worker, mutex or tasks involved.</param>
/// <param name="BlockedBy">The tasks that stand in its way (holding a lease, a mutex, a concurrency tag, a task-cap slot).</param>
/// <param name="Since">When this wait began, when known.</param>
/// <param name="StepName">The step that waits, for step-level waits (mutexes, interventions).</param>
internal sealed record TaskWaitReason(WaitKind Kind, string Message, IReadOnlyList<string> BlockedBy, DateTimeOffset? Since = null, string StepName = "");
