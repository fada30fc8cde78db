using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tests.Tentacle;

/// <summary>The protocol's calls as a test makes them: raw HTTP, bodies through the protocol's JSON context.</summary>
internal sealed class TentacleTestClient(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<ScriptStatus> StartAsync(StartScriptCommand command, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(TentacleProtocol.Scripts, command, TentacleJsonContext.Default.StartScriptCommand, cancellationToken);
        return await ReadAsync(response, TentacleJsonContext.Default.ScriptStatus, cancellationToken);
    }

    public async Task<ScriptStatus> StatusAsync(string ticket, long after, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"{TentacleProtocol.Script(ticket)}?after={after}", cancellationToken);
        return await ReadAsync(response, TentacleJsonContext.Default.ScriptStatus, cancellationToken);
    }

    public async Task<ScriptStatus> CancelAsync(string ticket, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(TentacleProtocol.Cancel(ticket), null, cancellationToken);
        return await ReadAsync(response, TentacleJsonContext.Default.ScriptStatus, cancellationToken);
    }

    public async Task CompleteAsync(string ticket, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(TentacleProtocol.Complete(ticket), null, cancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>Reads status pages from <paramref name="after"/> until the script is complete; every event once, in order.</summary>
    public async Task<(ScriptStatus Final, List<ScriptEvent> Events)> WaitAsync(string ticket, CancellationToken cancellationToken, long after = 0)
    {
        var events = new List<ScriptEvent>();
        while (true)
        {
            var status = await StatusAsync(ticket, after, cancellationToken);
            events.AddRange(status.Events);
            after = status.NextSequence;
            if (status.State == ScriptState.Complete)
            {
                return (status, events);
            }

            if (status.Events.Count == 0)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    public async Task<HttpResponseMessage> UploadAsync(string ticket, string path, byte[] bytes, CancellationToken cancellationToken, string? sha256 = null)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.Add(TentacleProtocol.Sha256Header, sha256 ?? Convert.ToHexStringLower(SHA256.HashData(bytes)));
        return await http.PutAsync($"{TentacleProtocol.Files(ticket)}?path={Uri.EscapeDataString(path)}", content, cancellationToken);
    }

    public Task<HttpResponseMessage> DownloadAsync(string ticket, string path, CancellationToken cancellationToken) =>
        http.GetAsync($"{TentacleProtocol.Files(ticket)}?path={Uri.EscapeDataString(path)}", cancellationToken);

    public static async Task<TentacleProblem> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        (await response.Content.ReadFromJsonAsync(TentacleJsonContext.Default.TentacleProblem, cancellationToken))!;

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return (await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken))!;
    }
}
