namespace OctoLite.Server;

/// <summary>
/// Why a request changed nothing: an HTTP status, a title, and the field at fault when there is one.
/// Services return it as data; the API turns it into an RFC 9457 problem-details body.
/// </summary>
internal sealed record Problem(int Status, string Title, string Detail, string? Field = null)
{
    public static Problem Invalid(string field, string detail) => new(400, "Invalid request", detail, field);

    public static Problem NotFound(string documentType, string idOrName) =>
        new(404, "Not found", $"There is no {documentType} with id or name '{idOrName}'.");

    public static Problem Conflict(string detail, string? field = null) => new(409, "Conflict", detail, field);

    public static Problem Forbidden(string detail) => new(403, "Forbidden", detail);
}
