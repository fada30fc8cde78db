using LiteDB;
using OctoLite.Domain;

namespace OctoLite.Storage;

/// <summary>The typed collections of one store. Only reachable through <see cref="OctoStore.Read{T}"/> and <see cref="OctoStore.Write{T}"/>.</summary>
internal sealed class StoreSession
{
    private readonly ILiteCollection<BsonDocument> _ids;

    public StoreSession(LiteDatabase database)
    {
        var json = StorageJsonContext.Default;
        Pools = new Collection<WorkerPool>(database, "workerpools", json.WorkerPool, p => p.Id);
        Workers = new Collection<Worker>(database, "workers", json.Worker, w => w.Id);
        Policies = new Collection<MachinePolicy>(database, "machinepolicies", json.MachinePolicy, p => p.Id);
        AuditEvents = new Collection<AuditEvent>(database, "events", json.AuditEvent, e => e.Id);
        ApiKeys = new Collection<ApiKey>(database, "apikeys", json.ApiKey, k => k.Id);
        Projects = new Collection<Project>(database, "projects", json.Project, p => p.Id);
        Runbooks = new Collection<Runbook>(database, "runbooks", json.Runbook, r => r.Id);
        VariableSets = new Collection<VariableSet>(database, "variablesets", json.VariableSet, v => v.Id);
        Tasks = new Collection<ServerTask>(database, "tasks", json.ServerTask, t => t.Id);
        TaskLog = new TaskLogChunks(database);
        Artifacts = new Collection<Artifact>(database, "artifacts", json.Artifact, a => a.Id);
        ArtifactContent = new ArtifactContents(database);
        Environments = new Collection<DeploymentEnvironment>(database, "environments", json.DeploymentEnvironment, e => e.Id);
        Targets = new Collection<DeploymentTarget>(database, "targets", json.DeploymentTarget, t => t.Id);
        Releases = new Collection<Release>(database, "releases", json.Release, r => r.Id);
        Certificates = new Collection<Certificate>(database, "certificates", json.Certificate, c => c.Id);
        WorkerHealth = new WorkerHealthHistory(database);
        Configuration = new SingletonDocument<ServerConfiguration>(database, "configuration", json.ServerConfiguration);
        _ids = database.GetCollection("ids");
    }

    public Collection<WorkerPool> Pools { get; }
    public Collection<Worker> Workers { get; }
    public Collection<MachinePolicy> Policies { get; }
    public Collection<AuditEvent> AuditEvents { get; }
    public Collection<ApiKey> ApiKeys { get; }
    public Collection<Project> Projects { get; }
    public Collection<Runbook> Runbooks { get; }
    public Collection<VariableSet> VariableSets { get; }
    public Collection<ServerTask> Tasks { get; }
    public TaskLogChunks TaskLog { get; }
    public Collection<Artifact> Artifacts { get; }
    public ArtifactContents ArtifactContent { get; }
    public Collection<DeploymentEnvironment> Environments { get; }
    public Collection<DeploymentTarget> Targets { get; }
    public Collection<Release> Releases { get; }
    public Collection<Certificate> Certificates { get; }
    public WorkerHealthHistory WorkerHealth { get; }
    public SingletonDocument<ServerConfiguration> Configuration { get; }

    /// <summary>Allocates the next Octopus-style id for a document type, e.g. "WorkerPools-3". Ids are never reused.</summary>
    public string NextId(string prefix)
    {
        var counter = _ids.FindById(prefix);
        var next = counter is null ? 1 : counter["Next"].AsInt64 + 1;
        _ids.Upsert(new BsonDocument { ["_id"] = prefix, ["Next"] = next });
        return $"{prefix}-{next}";
    }
}
