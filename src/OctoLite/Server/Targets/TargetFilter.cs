namespace OctoLite.Server.Targets;

/// <summary>Which deployment targets a list request wants: in an environment (id or name), with a role (ignoring case).</summary>
internal sealed record TargetFilter(string? Environment = null, string? Role = null);
