using System.Net;

namespace OctoLite.Hosting;

/// <summary>Parses <c>--listen</c>: <c>host:port</c>, <c>http://host:port</c>, <c>[::1]:port</c>, or <c>none</c>.</summary>
internal static class ListenAddress
{
    public static bool TryParse(string? text, out IPEndPoint? endPoint, out string error)
    {
        endPoint = null;
        error = "";
        if (text is null || text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var value = text.Trim();
        if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            value = value["http://".Length..].TrimEnd('/');
        }

        if (value.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
        {
            value = "127.0.0.1:" + value["localhost:".Length..];
        }

        if (!IPEndPoint.TryParse(value, out var parsed) || !value.Contains(':', StringComparison.Ordinal) || value.EndsWith(']'))
        {
            error = $"--listen must be host:port with an IP address (e.g. 127.0.0.1:8065, 0.0.0.0:8065, [::1]:8065) or 'none' (got '{text}').";
            return false;
        }

        endPoint = parsed;
        return true;
    }
}
