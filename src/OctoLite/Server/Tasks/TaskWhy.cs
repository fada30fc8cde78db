using OctoLite.Domain;

namespace OctoLite.Server.Tasks;

/// <summary>Why a task is not running, or not finished, now: <c>GET /api/tasks/{id}/why</c>.</summary>
internal sealed record TaskWhy(string TaskId, TaskState State, IReadOnlyList<TaskWaitReason> Reasons);
