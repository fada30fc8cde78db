using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OctoLite.Domain;
using OctoLite.Server.Certificates;
using OctoLite.Server.Email;
using OctoLite.Server.Health;
using OctoLite.Server.Targets;
using OctoLite.Server.Tasks;

namespace OctoLite.Server.Api;

/// <summary>
/// The REST boundary's serializer. Octopus field names (PascalCase), enums as strings; input is read
/// case-insensitively and strictly: unknown fields and nulls for required values are errors.
/// </summary>
[JsonSourceGenerationOptions(
    UseStringEnumConverter = true,
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    WriteIndented = false)]
[JsonSerializable(typeof(WorkerPool))]
[JsonSerializable(typeof(IReadOnlyList<WorkerPool>))]
[JsonSerializable(typeof(WorkerPoolSummary))]
[JsonSerializable(typeof(IReadOnlyList<WorkerPoolSummary>))]
[JsonSerializable(typeof(ResourceCollection<WorkerPool>))]
[JsonSerializable(typeof(Worker))]
[JsonSerializable(typeof(ResourceCollection<Worker>))]
[JsonSerializable(typeof(MachinePolicy))]
[JsonSerializable(typeof(IReadOnlyList<MachinePolicy>))]
[JsonSerializable(typeof(ResourceCollection<MachinePolicy>))]
[JsonSerializable(typeof(ServerConfiguration))]
[JsonSerializable(typeof(AuditEvent))]
[JsonSerializable(typeof(ResourceCollection<AuditEvent>))]
[JsonSerializable(typeof(ApiKeyCreateRequest))]
[JsonSerializable(typeof(ApiKeyCreated))]
[JsonSerializable(typeof(ApiKeySummary))]
[JsonSerializable(typeof(IReadOnlyList<ApiKeySummary>))]
[JsonSerializable(typeof(Project))]
[JsonSerializable(typeof(IReadOnlyList<Project>))]
[JsonSerializable(typeof(ResourceCollection<Project>))]
[JsonSerializable(typeof(Runbook))]
[JsonSerializable(typeof(IReadOnlyList<Runbook>))]
[JsonSerializable(typeof(ResourceCollection<Runbook>))]
[JsonSerializable(typeof(Variable))]
[JsonSerializable(typeof(IReadOnlyList<Variable>))]
[JsonSerializable(typeof(VariableRequest))]
[JsonSerializable(typeof(SortOrderRequest))]
[JsonSerializable(typeof(ServerStatus))]
[JsonSerializable(typeof(WorkerConnection))]
[JsonSerializable(typeof(IReadOnlyList<ActiveLease>))]
[JsonSerializable(typeof(HealthCheckRequest))]
[JsonSerializable(typeof(IReadOnlyList<WorkerHealthRecord>))]
[JsonSerializable(typeof(ServerTask))]
[JsonSerializable(typeof(ResourceCollection<ServerTask>))]
[JsonSerializable(typeof(TaskWhy))]
[JsonSerializable(typeof(TaskLogLine))]
[JsonSerializable(typeof(TaskLogPage))]
[JsonSerializable(typeof(Artifact))]
[JsonSerializable(typeof(IReadOnlyList<Artifact>))]
[JsonSerializable(typeof(RunbookRunRequest))]
[JsonSerializable(typeof(DeploymentRequest))]
[JsonSerializable(typeof(DeploymentProcess))]
[JsonSerializable(typeof(Release))]
[JsonSerializable(typeof(ResourceCollection<Release>))]
[JsonSerializable(typeof(ReleaseCreateRequest))]
[JsonSerializable(typeof(Interruption))]
[JsonSerializable(typeof(InterruptionRequest))]
[JsonSerializable(typeof(DeploymentEnvironment))]
[JsonSerializable(typeof(IReadOnlyList<DeploymentEnvironment>))]
[JsonSerializable(typeof(ResourceCollection<DeploymentEnvironment>))]
[JsonSerializable(typeof(DeploymentTarget))]
[JsonSerializable(typeof(ResourceCollection<DeploymentTarget>))]
[JsonSerializable(typeof(TargetHealthCheck))]
[JsonSerializable(typeof(SmtpTestRequest))]
[JsonSerializable(typeof(EmailReceipt))]
[JsonSerializable(typeof(Certificate))]
[JsonSerializable(typeof(IReadOnlyList<Certificate>))]
[JsonSerializable(typeof(ResourceCollection<Certificate>))]
[JsonSerializable(typeof(CertificateImportRequest))]
[JsonSerializable(typeof(ProblemBody))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
