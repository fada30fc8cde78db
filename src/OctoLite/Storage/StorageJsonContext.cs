using System.Text.Json.Serialization;
using OctoLite.Domain;

namespace OctoLite.Storage;

/// <summary>
/// The storage boundary's serializer: aggregates become JSON, then BSON. Source-generated, so the
/// AOT binary never needs LiteDB's reflection-based POCO mapper.
/// </summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(WorkerPool))]
[JsonSerializable(typeof(Worker))]
[JsonSerializable(typeof(MachinePolicy))]
[JsonSerializable(typeof(ServerConfiguration))]
[JsonSerializable(typeof(AuditEvent))]
[JsonSerializable(typeof(ApiKey))]
[JsonSerializable(typeof(Project))]
[JsonSerializable(typeof(Runbook))]
[JsonSerializable(typeof(VariableSet))]
[JsonSerializable(typeof(ServerTask))]
[JsonSerializable(typeof(Artifact))]
[JsonSerializable(typeof(DeploymentEnvironment))]
[JsonSerializable(typeof(DeploymentTarget))]
[JsonSerializable(typeof(Release))]
[JsonSerializable(typeof(Certificate))]
[JsonSerializable(typeof(DeploymentProcess))]
[JsonSerializable(typeof(WorkerHealthRecord))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
