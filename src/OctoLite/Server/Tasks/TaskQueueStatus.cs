namespace OctoLite.Server.Tasks;

/// <summary>The node's queue at a glance: tasks waiting, tasks executing, the cap, and whether the node is drained.</summary>
internal sealed record TaskQueueStatus(int Queued, int Executing, int TaskCap, bool IsDraining);
