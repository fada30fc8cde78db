using OctoLite.Domain;

namespace OctoLite.Cli.Tasks;

/// <summary>What <c>task artifact get -o json</c> prints: where the file went and what it is.</summary>
internal sealed record SavedArtifact(string Path, Artifact Artifact);
