namespace OctoLite.Server.Api;

/// <summary>Body of <c>POST /api/apikeys</c>.</summary>
internal sealed record ApiKeyCreateRequest(string? Name);

/// <summary>The one response that carries a key in clear: shown once, never stored.</summary>
internal sealed record ApiKeyCreated(string Id, string Name, string ApiKey);

/// <summary>A stored key as listed: never the key itself.</summary>
internal sealed record ApiKeySummary(string Id, string Name, string Prefix, DateTimeOffset Created, string CreatedBy);

/// <summary>Body of <c>PUT /api/workerpools/sortorder</c>: pools (ids or names) to put first, in order.</summary>
internal sealed record SortOrderRequest(IReadOnlyList<string>? WorkerPoolIds);
