namespace OctoLite.Server.Api;

/// <summary>The body of <c>PUT /api/projects/{project}/variables/{name}</c>. IsSensitive left out keeps the variable's current setting.</summary>
internal sealed record VariableRequest(string? Value, bool? IsSensitive);
