using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OctoLite.Cli.Tasks;
using OctoLite.Domain;
using OctoLite.Server.Api;
using OctoLite.Server.Email;
using OctoLite.Server.Targets;
using OctoLite.Server.Tasks;

namespace OctoLite.Cli.Client;

/// <summary>
/// The client side of the REST boundary: reads server responses leniently (a newer server may add
/// fields) and writes <c>-o json</c> output indented.
/// </summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNameCaseInsensitive = true, WriteIndented = true)]
[JsonSerializable(typeof(WorkerPool))]
[JsonSerializable(typeof(List<WorkerPool>))]
[JsonSerializable(typeof(WorkerPoolSummary))]
[JsonSerializable(typeof(List<WorkerPoolSummary>))]
[JsonSerializable(typeof(ResourceCollection<WorkerPool>))]
[JsonSerializable(typeof(Worker))]
[JsonSerializable(typeof(List<Worker>))]
[JsonSerializable(typeof(ResourceCollection<Worker>))]
[JsonSerializable(typeof(MachinePolicy))]
[JsonSerializable(typeof(List<MachinePolicy>))]
[JsonSerializable(typeof(ResourceCollection<MachinePolicy>))]
[JsonSerializable(typeof(ServerConfiguration))]
[JsonSerializable(typeof(Project))]
[JsonSerializable(typeof(List<Project>))]
[JsonSerializable(typeof(Runbook))]
[JsonSerializable(typeof(List<Runbook>))]
[JsonSerializable(typeof(Variable))]
[JsonSerializable(typeof(List<Variable>))]
[JsonSerializable(typeof(AuditEvent))]
[JsonSerializable(typeof(List<AuditEvent>))]
[JsonSerializable(typeof(ResourceCollection<AuditEvent>))]
[JsonSerializable(typeof(ApiKeyCreated))]
[JsonSerializable(typeof(ApiKeySummary))]
[JsonSerializable(typeof(List<ApiKeySummary>))]
[JsonSerializable(typeof(ServerStatus))]
[JsonSerializable(typeof(WorkerConnection))]
[JsonSerializable(typeof(List<ActiveLease>))]
[JsonSerializable(typeof(List<WorkerHealthRecord>))]
[JsonSerializable(typeof(OctoLite.Cli.Workers.ListeningWorkerRegistration))]
[JsonSerializable(typeof(TaskQueueStatus))]
[JsonSerializable(typeof(ServerTask))]
[JsonSerializable(typeof(List<ServerTask>))]
[JsonSerializable(typeof(ResourceCollection<ServerTask>))]
[JsonSerializable(typeof(TaskWhy))]
[JsonSerializable(typeof(TaskLogLine))]
[JsonSerializable(typeof(TaskLogPage))]
[JsonSerializable(typeof(Artifact))]
[JsonSerializable(typeof(List<Artifact>))]
[JsonSerializable(typeof(SavedArtifact))]
[JsonSerializable(typeof(DeploymentEnvironment))]
[JsonSerializable(typeof(List<DeploymentEnvironment>))]
[JsonSerializable(typeof(DeploymentTarget))]
[JsonSerializable(typeof(List<DeploymentTarget>))]
[JsonSerializable(typeof(ResourceCollection<DeploymentTarget>))]
[JsonSerializable(typeof(TargetHealthCheck))]
[JsonSerializable(typeof(DeploymentProcess))]
[JsonSerializable(typeof(Release))]
[JsonSerializable(typeof(List<Release>))]
[JsonSerializable(typeof(ResourceCollection<Release>))]
[JsonSerializable(typeof(Interruption))]
[JsonSerializable(typeof(EmailReceipt))]
[JsonSerializable(typeof(Certificate))]
[JsonSerializable(typeof(List<Certificate>))]
[JsonSerializable(typeof(ProblemBody))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
