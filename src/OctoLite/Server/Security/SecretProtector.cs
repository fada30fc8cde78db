using System.Security.Cryptography;
using System.Text;
using OctoLite.Hosting;

namespace OctoLite.Server.Security;

/// <summary>
/// Encrypts secrets at rest with AES-256-GCM under the master key in <see cref="DataPaths.MasterKeyFile"/>.
/// The key file is created (mode 0600) on first need, so a data dir without secrets has none. Each value
/// gets a random nonce and is stored as <c>v1:base64(nonce | ciphertext | tag)</c>; the prefix leaves
/// room for key rotation or another algorithm later.
/// </summary>
internal sealed class SecretProtector(DataPaths paths)
{
    private const string Version1 = "v1:";
    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly Lock _gate = new();
    private byte[]? _key;

    public string Protect(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Key(create: true), TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length, TagSize));
        return Version1 + Convert.ToBase64String(sealedBytes);
    }

    public string Unprotect(string stored)
    {
        if (!stored.StartsWith(Version1, StringComparison.Ordinal))
        {
            throw new CryptographicException("The stored secret is not in a format this OctoLite understands.");
        }

        var sealedBytes = Convert.FromBase64String(stored[Version1.Length..]);
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The stored secret is truncated.");
        }

        var length = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(Key(create: false), TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    private byte[] Key(bool create)
    {
        lock (_gate)
        {
            return _key ??= Load(create);
        }
    }

    private byte[] Load(bool create)
    {
        var file = paths.MasterKeyFile;
        if (File.Exists(file))
        {
            var key = File.ReadAllBytes(file);
            return key.Length == KeySize
                ? key
                : throw new CryptographicException($"The master key {file} is damaged: it has {key.Length} bytes, not {KeySize}. Restore it from the backup made with the data file.");
        }

        if (!create)
        {
            throw new CryptographicException($"The master key {file} is missing, so sensitive values cannot be read. Restore it from the backup made with the data file.");
        }

        var fresh = RandomNumberGenerator.GetBytes(KeySize);
        using (var stream = new FileStream(file, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = PrivateFile,
        }))
        {
            stream.Write(fresh);
            stream.Flush(flushToDisk: true);
        }

        return fresh;
    }
}
