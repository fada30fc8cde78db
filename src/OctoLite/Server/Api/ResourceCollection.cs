namespace OctoLite.Server.Api;

/// <summary>One page of a list, shaped like Octopus's ResourceCollection.</summary>
internal sealed record ResourceCollection<T>(string ItemType, int TotalResults, int Skip, int Take, IReadOnlyList<T> Items);
