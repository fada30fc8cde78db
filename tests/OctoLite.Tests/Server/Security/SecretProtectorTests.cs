using System.Security.Cryptography;
using OctoLite.Hosting;
using OctoLite.Server.Security;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Security;

public sealed class SecretProtectorTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private DataPaths Paths => new(_directory.Path);

    [Fact]
    public void Protect_CreatesPrivateKeyBesideTheDataFile_AndRoundTrips()
    {
        var protector = new SecretProtector(Paths);
        Assert.False(File.Exists(Paths.MasterKeyFile));

        var stored = protector.Protect("hunter2 ✓");

        Assert.StartsWith("v1:", stored);
        Assert.DoesNotContain("hunter2", stored);
        Assert.Equal(32, new FileInfo(Paths.MasterKeyFile).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Paths.MasterKeyFile));
        Assert.Equal("hunter2 ✓", new SecretProtector(Paths).Unprotect(stored));
    }

    [Fact]
    public void Protect_UsesAFreshNonceForEveryValue()
    {
        var protector = new SecretProtector(Paths);

        Assert.NotEqual(protector.Protect("same"), protector.Protect("same"));
    }

    [Fact]
    public void Unprotect_WithAnotherKey_FailsInsteadOfReturningGarbage()
    {
        var stored = new SecretProtector(Paths).Protect("secret");
        File.Delete(Paths.MasterKeyFile);
        new SecretProtector(Paths).Protect("makes a new key");

        Assert.ThrowsAny<CryptographicException>(() => new SecretProtector(Paths).Unprotect(stored));
    }

    [Fact]
    public void Unprotect_WithoutTheKeyFile_SaysToRestoreIt()
    {
        var stored = new SecretProtector(Paths).Protect("secret");
        File.Delete(Paths.MasterKeyFile);

        var error = Assert.ThrowsAny<CryptographicException>(() => new SecretProtector(Paths).Unprotect(stored));

        Assert.Contains("master.key", error.Message);
        Assert.False(File.Exists(Paths.MasterKeyFile));
    }

    public void Dispose() => _directory.Dispose();
}
