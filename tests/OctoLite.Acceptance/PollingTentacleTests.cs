using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using OctoLite.Acceptance.Support;

namespace OctoLite.Acceptance;

/// <summary>
/// Tentacles as processes of the published binary, set up and registered with the tentacle verbs: a listening one
/// and a polling one run steps of their pools; wrong certificates and a stopped tentacle fail steps clearly.
/// </summary>
public sealed class PollingTentacleTests
{
    private const string WrongThumbprint = "0123456789ABCDEF0123456789ABCDEF01234567";

    [BinaryFact]
    public async Task ListeningAndPollingTentacles_RegisteredWithTheVerbs_RunStepsOfTheirPools_WithOutputsArtifactsAndMasking()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        using var dir = new TempDirectory();
        await using var server = await ServerFixture.StartAsync(dir.Combine("data"), deadline.Token);
        var cli = server.Cli;
        var key = (await cli.JsonAsync("apikey", "create", "--name", "tentacles")).Str("ApiKey");
        await cli.JsonAsync("pool", "create", "--name", "Listening");
        await cli.JsonAsync("pool", "create", "--name", "Polling");
        await using var listening = new TentacleProcess(dir.Path, "listening", deadline.Token);
        await using var polling = new TentacleProcess(dir.Path, "polling", deadline.Token);
        await listening.CreateAsync();
        var port = FreePort();
        (await listening.VerbAsync("configure", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--listen-address", "127.0.0.1")).ShouldExit(0);
        (await listening.VerbAsync("register-worker", "--server", server.TcpUrl, "--api-key", key, "--name", "edge-listening", "--workerpool", "Listening",
            "--comms-style", "TentaclePassive", "--public-hostname", "127.0.0.1")).ShouldExit(0);
        await polling.CreateAsync();
        (await polling.VerbAsync("register-worker", "--server", server.TcpUrl, "--api-key", key, "--name", "edge-polling", "--workerpool", "Polling",
            "--comms-style", "TentacleActive")).ShouldExit(0);
        var again = await polling.VerbAsync("register-worker", "--server", server.TcpUrl, "--api-key", key, "--name", "edge-polling", "--workerpool", "Polling", "--comms-style", "TentacleActive");
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("--force", again.StdErr);
        listening.Start();
        polling.Start();
        await listening.WaitForLogAsync("listening on https://127.0.0.1:");
        await polling.WaitForLogAsync("polling https://");

        await cli.JsonAsync("project", "create", "--name", "Shop");
        await cli.JsonAsync("variable", "set", "--project", "Shop", "--name", "Token", "--value", "edge-S3cret-77", "--sensitive");
        var processFile = dir.Combine("process.json");
        await File.WriteAllTextAsync(processFile, new JsonObject
        {
            ["steps"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = "OnListening", ["workerPool"] = "Listening",
                    ["script"] = "echo \"listening token #{Token}\"; set_octopusvariable Where listening; head -c 5000 /dev/urandom > l.bin; new_octopusartifact l.bin l.bin",
                },
                new JsonObject
                {
                    ["name"] = "OnPolling", ["workerPool"] = "Polling",
                    ["script"] = "echo \"polling token #{Token}\"; set_octopusvariable Where polling; head -c 200000 /dev/urandom > p.bin; new_octopusartifact p.bin p.bin",
                },
                new JsonObject { ["name"] = "Back", ["executionLocation"] = "BuiltInWorker", ["script"] = "echo \"came from #{Octopus.Action[OnListening].Output.Where} and #{Octopus.Action[OnPolling].Output.Where}\"" }),
        }.ToJsonString());
        await cli.JsonAsync("runbook", "create", "--project", "Shop", "--name", "Check", "--file", processFile);

        var run = (await cli.RunAsync("runbook", "run", "Check", "--project", "Shop", "--follow")).ShouldExit(0);
        var task = await cli.JsonAsync("task", "show", "1");
        var artifacts = await cli.JsonAsync("task", "artifact", "list", "1");

        Assert.Contains("listening token ********", run.StdOut);
        Assert.Contains("polling token ********", run.StdOut);
        Assert.Contains("came from listening and polling", run.StdOut);
        Assert.DoesNotContain("edge-S3cret-77", run.StdOut);
        Assert.Equal(["edge-listening", "edge-polling"], task.Field("Steps").Items().Take(2).Select(s => s.Str("Worker")));
        Assert.Equal(["l.bin", "p.bin"], artifacts.Items().Select(a => a.Str("Filename")).Order());
        Assert.Equal(200_000, artifacts.Items().Single(a => a.Str("Filename") == "p.bin").Int("Length"));

        // Health checks over both transports, in the published binary: statuses, capabilities and history stored.
        await cli.JsonAsync("policy", "update", "Default Machine Policy", "--disk-space-warning", "0", "--health-check-script", "echo healthy here");
        var check = (await cli.RunAsync("worker", "health-check", "--wait")).ShouldExit(0);
        Assert.Contains("Check health of all workers", check.StdOut);
        foreach (var name in new[] { "edge-listening", "edge-polling" })
        {
            var worker = await cli.JsonAsync("worker", "show", name);
            Assert.Equal("Healthy", worker.Str("HealthStatus"));
            Assert.Contains("Bash", worker.Field("Capabilities").Field("Shells").Items().Select(s => s.GetValue<string>()));
            Assert.Contains("Health history (newest first):", (await cli.RunAsync("worker", "show", name)).ShouldExit(0).StdOut);
        }

        await listening.StopAsync();
        await polling.StopAsync();
        Assert.DoesNotContain("edge-S3cret-77", listening.Log + polling.Log);
        await server.StopAsync();
    }

    [BinaryFact]
    public async Task ServerRestartedWhileAScriptRunsOnAPollingTentacle_TheTaskCompletes_WithTheWholeLogOnce()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        using var dir = new TempDirectory();
        var pollingPort = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var server = await ServerFixture.StartAsync(dir.Combine("data"), deadline.Token, extraArguments: ["--polling-port", pollingPort]);
        await using var polling = new TentacleProcess(dir.Path, "polling", deadline.Token);
        try
        {
            var cli = server.Cli;
            var key = (await cli.JsonAsync("apikey", "create", "--name", "tentacles")).Str("ApiKey");
            await cli.JsonAsync("pool", "create", "--name", "Polling");
            await polling.CreateAsync();
            (await polling.VerbAsync("register-worker", "--server", server.TcpUrl, "--api-key", key, "--name", "edge-polling", "--workerpool", "Polling", "--comms-style", "TentacleActive")).ShouldExit(0);
            polling.Start();
            await polling.WaitForLogAsync("polling https://");
            await cli.JsonAsync("project", "create", "--name", "Shop");
            var processFile = dir.Combine("process.json");
            await File.WriteAllTextAsync(processFile, new JsonObject
            {
                ["steps"] = new JsonArray(
                    new JsonObject { ["name"] = "Slow", ["workerPool"] = "Polling", ["script"] = "set_octopusvariable Early yes; for i in $(seq 1 40); do echo \"line $i\"; sleep 0.5; done; set_octopusvariable Late yes" },
                    new JsonObject { ["name"] = "After", ["executionLocation"] = "BuiltInWorker", ["script"] = "echo \"early #{Octopus.Action[Slow].Output.Early} late #{Octopus.Action[Slow].Output.Late}\"" }),
            }.ToJsonString());
            await cli.JsonAsync("runbook", "create", "--project", "Shop", "--name", "Slow", "--file", processFile);
            (await cli.RunAsync("runbook", "run", "Slow", "--project", "Shop")).ShouldExit(0);
            while (!(await cli.RunAsync("task", "log", "1")).StdOut.Contains("line 5", StringComparison.Ordinal))
                await Task.Delay(100, deadline.Token);

            await server.StopAsync();
            await server.DisposeAsync();
            server = await ServerFixture.StartAsync(dir.Combine("data"), deadline.Token, extraArguments: ["--polling-port", pollingPort]);
            var waited = await server.Cli.RunAsync("task", "wait", "1");
            var log = (await server.Cli.RunAsync("task", "log", "1")).ShouldExit(0).StdOut;

            Assert.True(waited.ExitCode == 0, log);
            var lines = log.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Match(l, @"\bline (\d+)$")).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(1, 40), lines);
            Assert.Contains("it resumes following it", log);
            Assert.Contains("early yes late yes", log);
        }
        finally
        {
            await polling.StopAsync();
            await server.DisposeAsync();
        }
    }

    [BinaryFact]
    public async Task WrongCertificates_AreRefused_AndAStoppedPollingTentacle_FailsWorkerUnavailable_WithinThePolicyTimeout()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var dir = new TempDirectory();
        await using var server = await ServerFixture.StartAsync(dir.Combine("data"), deadline.Token);
        var cli = server.Cli;
        var key = (await cli.JsonAsync("apikey", "create", "--name", "tentacles")).Str("ApiKey");
        (await cli.RunAsync("policy", "update", "Default Machine Policy", "--polling-queue-timeout", "00:00:02", "--connect-timeout", "00:00:02")).ShouldExit(0);
        await cli.JsonAsync("pool", "create", "--name", "Pinned");
        await cli.JsonAsync("pool", "create", "--name", "Gone");
        await cli.JsonAsync("project", "create", "--name", "Shop");

        // A listening tentacle registered under a thumbprint that is not its own: the server refuses its certificate.
        await using var listening = new TentacleProcess(dir.Path, "listening", deadline.Token);
        await listening.CreateAsync();
        var port = FreePort();
        var serverThumbprint = (await cli.RunAsync("server", "show-thumbprint")).ShouldExit(0).StdOut.Trim();
        (await listening.VerbAsync("configure", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--listen-address", "127.0.0.1", "--trust", serverThumbprint)).ShouldExit(0);
        listening.Start();
        await listening.WaitForLogAsync("listening on https://127.0.0.1:");
        (await cli.RunAsync("worker", "register-listening", "--name", "impostor", "--uri", $"https://127.0.0.1:{port}/", "--thumbprint", WrongThumbprint, "--pool", "Pinned", "--no-check")).ShouldExit(0);

        // A polling tentacle that trusts another server: it never gets a call, and says why.
        await using var polling = new TentacleProcess(dir.Path, "polling", deadline.Token);
        await polling.CreateAsync();
        (await polling.VerbAsync("register-worker", "--server", server.TcpUrl, "--api-key", key, "--name", "edge-polling", "--workerpool", "Gone", "--comms-style", "TentacleActive")).ShouldExit(0);
        (await polling.VerbAsync("configure", "--reset-trust", "--trust", WrongThumbprint)).ShouldExit(0);
        polling.Start();
        await polling.WaitForLogAsync($"presented certificate {serverThumbprint}, which this tentacle does not trust");

        var processFile = dir.Combine("process.json");
        await File.WriteAllTextAsync(processFile, """{"steps":[{"name":"Try","workerPool":"Pinned","script":"echo must not run"}]}""");
        await cli.JsonAsync("runbook", "create", "--project", "Shop", "--name", "Pinned", "--file", processFile);
        await File.WriteAllTextAsync(processFile, """{"steps":[{"name":"Try","workerPool":"Gone","script":"echo must not run"}]}""");
        await cli.JsonAsync("runbook", "create", "--project", "Shop", "--name", "Gone", "--file", processFile);

        var pinned = await cli.RunAsync("runbook", "run", "Pinned", "--project", "Shop", "--follow");
        var started = DateTime.UtcNow;
        await polling.StopAsync();
        var gone = await cli.RunAsync("runbook", "run", "Gone", "--project", "Shop", "--follow");
        var goneTook = DateTime.UtcNow - started;

        Assert.NotEqual(0, pinned.ExitCode);
        Assert.Contains($"expected {WrongThumbprint}", pinned.StdOut + pinned.StdErr);
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("worker unavailable", gone.StdOut + gone.StdErr);
        Assert.Contains("did not collect the request within 2 s", gone.StdOut + gone.StdErr);
        Assert.True(goneTook < TimeSpan.FromSeconds(30), $"took {goneTook}");
        Assert.Contains("TrustFailure", (await cli.RunAsync("audit", "list", "-o", "json")).ShouldExit(0).StdOut);
        await listening.StopAsync();
        await server.StopAsync();
    }

    [BinaryFact]
    public async Task FileTransfer_OutsideTheWorkspace_IsRefusedByTheTentacle_AndAnUntrustedCallerIsRefusedInTheHandshake()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var dir = new TempDirectory();
        using var caller = SelfSigned("OctoLite acceptance caller");
        using var stranger = SelfSigned("stranger");
        await using var tentacle = new TentacleProcess(dir.Path, "listening", deadline.Token);
        await tentacle.CreateAsync();
        var port = FreePort();
        (await tentacle.VerbAsync("configure", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--listen-address", "127.0.0.1", "--trust", caller.Thumbprint)).ShouldExit(0);
        tentacle.Start();
        await tentacle.WaitForLogAsync("listening on https://127.0.0.1:");
        using var http = Client(caller, port);
        using var refusedHttp = Client(stranger, port);

        var started = await http.PostAsync("tentacle/v1/scripts", new StringContent("""{"Ticket":"escape","Script":"echo hi > inside.txt"}""", System.Text.Encoding.UTF8, "application/json"), deadline.Token);
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync(deadline.Token));
        string status;
        do
        {
            await Task.Delay(50, deadline.Token);
            status = await http.GetStringAsync("tentacle/v1/scripts/escape", deadline.Token);
        }
        while (!status.Contains("\"State\":\"Complete\"", StringComparison.Ordinal));

        var inside = await http.GetAsync("tentacle/v1/scripts/escape/files?path=inside.txt", deadline.Token);
        var upward = await http.GetAsync("tentacle/v1/scripts/escape/files?path=..%2F..%2Ftentacle.json", deadline.Token);
        var absolute = await http.GetAsync("tentacle/v1/scripts/escape/files?path=%2Fetc%2Fpasswd", deadline.Token);
        var untrusted = await Assert.ThrowsAsync<HttpRequestException>(() => refusedHttp.GetAsync("tentacle/v1/capabilities", deadline.Token));

        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal("hi\n", await inside.Content.ReadAsStringAsync(deadline.Token));
        Assert.Equal(HttpStatusCode.BadRequest, upward.StatusCode);
        Assert.Contains("'..' is not allowed", JsonNode.Parse(await upward.Content.ReadAsStringAsync(deadline.Token))!.Str("Detail"));
        Assert.Equal(HttpStatusCode.BadRequest, absolute.StatusCode);
        Assert.Contains("absolute paths are not allowed", JsonNode.Parse(await absolute.Content.ReadAsStringAsync(deadline.Token))!.Str("Detail"));
        Assert.NotNull(untrusted);
        await tentacle.WaitForLogAsync($"its certificate {stranger.Thumbprint}");
        await tentacle.StopAsync();
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 SelfSigned(string name)
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest($"CN={name}", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx), null);
    }

    private static HttpClient Client(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, int port)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new System.Net.Security.SslClientAuthenticationOptions
            {
                ClientCertificates = [certificate],
                LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate,
                RemoteCertificateValidationCallback = (_, _, _, _) => true, // the tentacle's own certificate is not what this test checks
            },
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{port}/") };
        client.DefaultRequestHeaders.Add("X-OctoLite-Tentacle-Protocol", "1");
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
