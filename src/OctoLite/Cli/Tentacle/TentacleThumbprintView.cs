namespace OctoLite.Cli.Tentacle;

/// <summary>What <c>show-thumbprint</c> and <c>new-certificate</c> print with <c>-o json</c>.</summary>
internal sealed record TentacleThumbprintView(string Instance, string Thumbprint);
