using OctoLite.Domain;

namespace OctoLite.Server.Targets;

/// <summary>The outcome of asking for a target's health: the target as it now is, whether it was checked, and why not.</summary>
internal sealed record TargetHealthCheck(DeploymentTarget Target, bool Checked, string Message);
