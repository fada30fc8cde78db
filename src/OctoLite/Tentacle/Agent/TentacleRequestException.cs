namespace OctoLite.Tentacle.Agent;

/// <summary>
/// A call the agent refuses, whatever the transport: the HTTP listener answers <see cref="StatusCode"/> with a
/// <c>TentacleProblem</c> naming <see cref="Field"/>; nothing was changed.
/// </summary>
internal sealed class TentacleRequestException(int statusCode, string detail, string? field = null) : Exception(detail)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>The request field, query parameter or header at fault, when there is one.</summary>
    public string? Field { get; } = field;

    public static TentacleRequestException BadRequest(string detail, string? field = null) => new(400, detail, field);

    public static TentacleRequestException UnknownTicket(string ticket) =>
        new(404, $"This tentacle has no script with ticket '{ticket}' (never started here, or already completed).", "ticket");
}
