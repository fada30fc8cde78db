using System.Text.Json;
using System.Text.Json.Nodes;

namespace OctoLite.Cli.Runbooks;

/// <summary>
/// A process file (<c>{"steps":[{"name":…,"script":…}]}</c>). The CLI only checks it is a JSON object
/// and sends it; the server validates it, and its complaints are reported as paths inside the file.
/// </summary>
internal static class ProcessFile
{
    private const string Field = "Process";

    public static JsonObject Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Usage($"Cannot read the process file {path}: {e.Message}");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw CliException.Usage($"{path} is not valid JSON: {e.Message.Split(". ")[0].TrimEnd('.')} (line {e.LineNumber + 1}).");
        }

        return node as JsonObject ?? throw CliException.Usage($"{path} must hold a JSON object such as {{\"steps\":[{{\"name\":\"Hello\",\"script\":\"echo hi\"}}]}}.");
    }

    /// <summary>Runs a request that carries the file as <c>Process</c>; a problem the server finds in it names the file and the path inside it.</summary>
    public static Task<T> SendAsync<T>(string? path, Func<Task<T>> send) => SendAsync(path, Field, send);

    /// <summary>Runs a request that carries the file as <paramref name="field"/>; a problem the server finds in it names the file and the path inside it.</summary>
    public static async Task<T> SendAsync<T>(string? path, string field, Func<Task<T>> send)
    {
        try
        {
            return await send();
        }
        catch (CliException e) when (path is not null && e.Field is { } at && (at == field || at.StartsWith(field + ".", StringComparison.Ordinal)))
        {
            var inFile = e.Message.Replace(field + ".", "", StringComparison.Ordinal).Replace($"(field: {field})", "(the whole file)", StringComparison.Ordinal);
            throw new CliException(e.ExitCode, $"{path}: {inFile}", at);
        }
    }
}
