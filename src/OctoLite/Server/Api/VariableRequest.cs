using OctoLite.Domain;

namespace OctoLite.Server.Api;

/// <summary>
/// The body of <c>PUT /api/projects/{project}/variables/{name}</c>. IsSensitive left out keeps the value's current
/// setting; Scope (environments by id or name, roles) picks which of the name's values is set, unscoped when left out.
/// </summary>
internal sealed record VariableRequest(string? Value, bool? IsSensitive, VariableScope? Scope = null);
