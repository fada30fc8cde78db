using System.Security.Cryptography;
using System.Text;
using OctoLite.Domain;
using OctoLite.Server.Audit;
using OctoLite.Storage;

namespace OctoLite.Server.Security;

/// <summary>
/// API keys: "API-" followed by 32 random characters, shown once at creation. Only a SHA-256 hash is
/// stored: the keys are random and long, so a slow password hash would add nothing but latency.
/// </summary>
internal sealed class ApiKeyService(OctoStore store, AuditTrail audit, TimeProvider time)
{
    public const string DocumentType = "ApiKey";
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const int RandomLength = 32;

    public IReadOnlyList<ApiKey> List() => store.Read(s => s.ApiKeys.All().OrderBy(k => k.Created).ToList());

    public Result<(ApiKey Key, string PlainText)> Create(string? name, Actor who) => store.Write<Result<(ApiKey, string)>>(s =>
    {
        var validName = Names.Validate(name);
        if (!validName.IsSuccess)
        {
            return validName.Problem;
        }

        if (s.ApiKeys.All().FirstOrDefault(k => Names.Same(k.Name, validName.Value)) is { } clash)
        {
            return Problem.Conflict($"An API key named '{clash.Name}' already exists ({clash.Id}).", "Name");
        }

        var plainText = "API-" + RandomNumberGenerator.GetString(Alphabet, RandomLength);
        var key = new ApiKey
        {
            Id = s.NextId("ApiKeys"),
            Name = validName.Value,
            KeyHash = Hash(plainText),
            Prefix = plainText[..8],
            Created = time.GetUtcNow(),
            CreatedBy = who.Name,
        };
        s.ApiKeys.Insert(key);
        audit.Record(s, who, "Created", DocumentType, key.Id, $"API key '{key.Name}' created", $"Prefix: {key.Prefix}");
        return (key, plainText);
    });

    public Result<ApiKey> Revoke(string idOrName, Actor who) => store.Write<Result<ApiKey>>(s =>
    {
        if (Lookup.ByIdOrName(s.ApiKeys.All(), idOrName, k => k.Id, k => k.Name) is not { } key)
        {
            return Problem.NotFound("API key", idOrName);
        }

        s.ApiKeys.Delete(key.Id);
        audit.Record(s, who, "Deleted", DocumentType, key.Id, $"API key '{key.Name}' revoked", $"Prefix: {key.Prefix}");
        return key;
    });

    /// <summary>The key matching the presented secret, compared in constant time; null when none does.</summary>
    public ApiKey? Authenticate(string? presented)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 256)
        {
            return null;
        }

        var hash = Encoding.ASCII.GetBytes(Hash(presented));
        return store.Read(s => s.ApiKeys.All())
            .FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(k.KeyHash), hash));
    }

    private static string Hash(string plainText) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(plainText)));
}
