namespace OctoLite.Server.Security;

/// <summary>Who made a request, as written in audit events.</summary>
internal sealed record Actor(string Name)
{
    /// <summary>A caller on the server's own Unix socket, trusted by file permissions (0600).</summary>
    public static Actor LocalSocket(string? user) => new($"{user ?? Environment.UserName} (local socket)");

    /// <summary>The server itself, e.g. when seeding defaults on first start.</summary>
    public static Actor System { get; } = new("system");

    public static Actor ForApiKey(string keyName, string keyId) => new($"api key '{keyName}' ({keyId})");
}
