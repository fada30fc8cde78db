namespace OctoLite.Tentacle.Protocol;

/// <summary>The body of any refused tentacle call: what was wrong, naming the field when there is one.</summary>
internal sealed record TentacleProblem(string Detail, string? Field = null);
