using System.Net;
using System.Security.Cryptography;
using OctoLite.Tentacle.Protocol;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Tentacle;

/// <summary>Upload and download: streamed, hashed, and confined to the script's workspace.</summary>
public sealed class TentacleFileTransferTests
{
    [Fact]
    public async Task UploadThenDownload_RoundTripsBytesAndHash()
    {
        var token = TestTimeout.Token();
        await using var tentacle = await RunningTentacle.StartAsync(token);
        var client = tentacle.Client();
        var bytes = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);

        using var upload = await client.UploadAsync("files-1", "packages/app.zip", bytes, token);
        Assert.Equal(HttpStatusCode.NoContent, upload.StatusCode);
        using var download = await client.DownloadAsync("files-1", "packages/app.zip", token);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(token));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), download.Headers.GetValues(TentacleProtocol.Sha256Header).Single());
    }

    [Fact]
    public async Task Upload_WithWrongHash_IsRefusedAndStoresNothing()
    {
        var token = TestTimeout.Token();
        await using var tentacle = await RunningTentacle.StartAsync(token);
        var client = tentacle.Client();

        using var response = await client.UploadAsync("files-2", "a.txt", "hello"u8.ToArray(), token, sha256: new string('0', 64));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await TentacleTestClient.ProblemAsync(response, token);
        Assert.Equal(TentacleProtocol.Sha256Header, problem.Field);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(tentacle.Home, "work", "files-2")));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../x")]
    [InlineData("out/passwd")]
    public async Task Transfer_OutsideTheWorkspace_IsRefusedNamingThePath(string path)
    {
        var token = TestTimeout.Token();
        await using var tentacle = await RunningTentacle.StartAsync(token);
        var client = tentacle.Client();
        var workspace = Path.Combine(tentacle.Home, "work", "files-3");
        Directory.CreateDirectory(workspace);
        File.CreateSymbolicLink(Path.Combine(workspace, "out"), "/etc");

        using var download = await client.DownloadAsync("files-3", path, token);
        using var upload = await client.UploadAsync("files-3", path, "x"u8.ToArray(), token);

        foreach (var response in new[] { download, upload })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await TentacleTestClient.ProblemAsync(response, token);
            Assert.Equal("path", problem.Field);
            Assert.Contains($"'{path}'", problem.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Download_ThroughALinkInsideTheWorkspace_IsAllowed()
    {
        var token = TestTimeout.Token();
        await using var tentacle = await RunningTentacle.StartAsync(token);
        var client = tentacle.Client();
        var workspace = Path.Combine(tentacle.Home, "work", "files-4");
        Directory.CreateDirectory(Path.Combine(workspace, "real"));
        await File.WriteAllTextAsync(Path.Combine(workspace, "real", "f.txt"), "inside", token);
        File.CreateSymbolicLink(Path.Combine(workspace, "alias"), "real");

        using var response = await client.DownloadAsync("files-4", "alias/f.txt", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("inside", await response.Content.ReadAsStringAsync(token));
    }

    [Fact]
    public async Task Download_OfAMissingFile_Is404()
    {
        var token = TestTimeout.Token();
        await using var tentacle = await RunningTentacle.StartAsync(token);

        using var response = await tentacle.Client().DownloadAsync("nothing-here", "a.txt", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
