using OctoLite.Domain;
using OctoLite.Server.Audit;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Projects;

/// <summary>
/// Releases: a version label and a snapshot of the project's deployment process and variables taken when the
/// release is created. A release is found by its (global) id, or by its version together with its project.
/// </summary>
internal sealed class ReleaseService(OctoStore store, AuditTrail audit, TimeProvider time)
{
    public const string DocumentType = "Release";
    public const int MaxVersionLength = 100;

    /// <summary>A project's releases (or all), newest first.</summary>
    public Result<IReadOnlyList<Release>> List(string? project) => store.Read<Result<IReadOnlyList<Release>>>(s =>
    {
        string? projectId = null;
        if (project is not null)
        {
            var found = ProjectService.Find(s, project);
            if (!found.IsSuccess)
            {
                return found.Problem;
            }

            projectId = found.Value.Id;
        }

        return s.Releases.All().Where(r => projectId is null || r.ProjectId == projectId)
            .OrderByDescending(r => r.Assembled).ThenByDescending(r => IdNumber(r.Id)).Select(Redact).ToList();
    });

    public Result<Release> Find(string idOrVersion, string? project) => store.Read(s => Find(s, idOrVersion, project)).Map(Redact);

    public Result<Release> Create(string project, string version, string? notes, Actor who) => store.Write<Result<Release>>(s =>
    {
        var owner = ProjectService.Find(s, project);
        if (!owner.IsSuccess)
        {
            return owner.Problem with { Field = "ProjectId" };
        }

        var trimmed = version.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxVersionLength || trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return Problem.Invalid("Version", $"Version is required: a label of at most {MaxVersionLength} characters without spaces, such as 1.0.3 (got '{version}').");
        }

        if (s.Releases.All().FirstOrDefault(r => r.ProjectId == owner.Value.Id && Names.Same(r.Version, trimmed)) is { } clash)
        {
            return Problem.Conflict($"Project '{owner.Value.Name}' already has release {clash.Version} ({clash.Id}); versions are unique within a project.", "Version");
        }

        if ((notes ?? "").Length > 10_000)
        {
            return Problem.Invalid("ReleaseNotes", "ReleaseNotes must be at most 10000 characters.");
        }

        var release = new Release
        {
            Id = s.NextId("Releases"),
            ProjectId = owner.Value.Id,
            Version = trimmed,
            ReleaseNotes = notes ?? "",
            Assembled = time.GetUtcNow(),
            Process = owner.Value.DeploymentProcess,
            Variables = VariableService.Stored(s, owner.Value.Id),
        };
        s.Releases.Insert(release);
        audit.Record(s, who, "Created", DocumentType, release.Id, $"Release {release.Version} of project '{owner.Value.Name}' created",
            $"Version: {release.Version}; steps: {ProjectService.StepNames(release.Process)}; {VariableService.NamesOnly(release.Variables)}");
        return Redact(release);
    });

    public Result<Release> Delete(string idOrVersion, string? project, Actor who) => store.Write<Result<Release>>(s =>
    {
        var found = Find(s, idOrVersion, project);
        if (!found.IsSuccess)
        {
            return found.Problem;
        }

        var release = found.Value;
        if (s.Tasks.All().FirstOrDefault(t => t.ReleaseId == release.Id && !t.IsCompleted) is { } active)
        {
            return Problem.Conflict($"Release {release.Version} is being deployed by {active.Id} ({active.State}); wait for it or cancel it first.");
        }

        s.Releases.Delete(release.Id);
        audit.Record(s, who, "Deleted", DocumentType, release.Id, $"Release {release.Version} deleted", $"Version: {release.Version}; ProjectId: {release.ProjectId}");
        return Redact(release);
    });

    internal static Result<Release> Find(StoreSession s, string idOrVersion, string? project)
    {
        var trimmed = idOrVersion.Trim();
        string? projectId = null;
        if (project is not null)
        {
            var owner = ProjectService.Find(s, project);
            if (!owner.IsSuccess)
            {
                return owner.Problem with { Field = "project" };
            }

            projectId = owner.Value.Id;
        }

        var all = s.Releases.All();
        if (all.FirstOrDefault(r => string.Equals(r.Id, trimmed, StringComparison.OrdinalIgnoreCase)) is { } byId)
        {
            return projectId is null || byId.ProjectId == projectId ? byId : Problem.NotFound("release", idOrVersion);
        }

        if (projectId is null)
        {
            return all.Any(r => Names.Same(r.Version, trimmed))
                ? Problem.Invalid("project", $"Release versions are unique within a project only: give the project to find release {trimmed} by version, or use its id.")
                : Problem.NotFound("release", idOrVersion);
        }

        return all.FirstOrDefault(r => r.ProjectId == projectId && Names.Same(r.Version, trimmed)) is { } release
            ? release
            : Problem.NotFound("release", idOrVersion);
    }

    /// <summary>Sensitive values in the snapshot never leave the server, not even encrypted.</summary>
    private static Release Redact(Release release) =>
        release with { Variables = release.Variables.Select(v => v.IsSensitive ? v with { Value = null } : v).ToList() };

    private static long IdNumber(string id) => long.TryParse(id.AsSpan(id.LastIndexOf('-') + 1), out var n) ? n : 0;
}
