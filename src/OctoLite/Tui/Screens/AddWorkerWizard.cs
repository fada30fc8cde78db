using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using OctoLite.Domain;
using OctoLite.Server.Api;
using Terminal.Gui.App;

namespace OctoLite.Tui.Screens;

/// <summary>
/// Adds a worker as the Octopus portal does: choose the kind, then for a listening tentacle give its address and
/// thumbprint (the server registers it and calls it once, saying how that went), for a polling one read the commands
/// to run on the worker machine and wait until it has registered. A sequence of dialogs; Esc or Cancel leaves at any
/// step with nothing changed.
/// </summary>
internal sealed class AddWorkerWizard(IApplication app, ScreenContext context, ServerStatus? server, IReadOnlyList<WorkerPool> pools, IReadOnlyList<Worker> workers, WorkerPool? preferredPool)
{
    private IShell Shell => context.Shell;

    public void Run()
    {
        if (server is null || pools.Count == 0)
        {
            Shell.Say("The server's details are still being read; try again in a moment.", error: true);
            return;
        }

        AddWorkerKind? kind;
        using (var dialog = new AddWorkerKindDialog())
        {
            app.Run(dialog);
            kind = dialog.Kind;
        }

        if (kind == AddWorkerKind.Listening)
            AddListening();
        else if (kind == AddWorkerKind.Polling)
            AddPolling();
    }

    private IReadOnlyCollection<string> Ticked => [(preferredPool ?? pools.FirstOrDefault(p => p.IsDefault) ?? pools[0]).Id];

    private void AddListening()
    {
        (string Name, string Host, string Port, string Thumbprint, IReadOnlyList<string> PoolIds)? values;
        using (var dialog = new AddWorkerListeningDialog(server!.Thumbprint, pools, Ticked))
        {
            app.Run(dialog);
            values = dialog.Values;
        }

        if (values is not { } v)
            return;

        var port = 0;
        var problem = Problem(v.Name, v.PoolIds)
            ?? HostProblem(v.Host)
            ?? PortProblem(v.Port, out port);
        if (problem is not null)
        {
            Shell.Say(problem + " Nothing was registered.", error: true);
            return;
        }

        var uri = new UriBuilder(Uri.UriSchemeHttps, Bare(v.Host), port).Uri.ToString();
        var body = new JsonObject
        {
            ["Name"] = v.Name,
            ["WorkerPoolIds"] = new JsonArray(v.PoolIds.Select(id => (JsonNode)JsonValue.Create(id)).ToArray()),
            ["Endpoint"] = new JsonObject
            {
                ["CommunicationStyle"] = nameof(CommunicationStyle.TentaclePassive),
                ["Uri"] = uri,
                ["Thumbprint"] = v.Thumbprint,
            },
        };
        Shell.Run($"Registering {v.Name} at {uri}", async ct =>
        {
            var worker = await context.Api.CreateWorkerAsync(body, ct);
            var connection = await context.Api.WorkerConnectionAsync(worker.Id, ct);
            if (!connection.Reachable)
            {
                throw new WorkerUnreachableException(
                    $"Registered worker {worker.Name} ({worker.Id}), but the server could not use the tentacle: {connection.Message}. Steps placed on it fail until it can.");
            }

            return $"Registered worker {worker.Name} ({worker.Id}); connection ok: {connection.Message}.";
        });
    }

    private void AddPolling()
    {
        (string Name, IReadOnlyList<string> PoolIds)? values;
        using (var dialog = new AddWorkerPollingDialog(pools, Ticked))
        {
            app.Run(dialog);
            values = dialog.Values;
        }

        if (values is not { } v)
            return;

        if (Problem(v.Name, v.PoolIds) is { } problem)
        {
            Shell.Say(problem, error: true);
            return;
        }

        var poolNames = v.PoolIds.Select(id => pools.First(p => p.Id == id).Name).ToList();
        Worker? registered;
        using (var dialog = new AddWorkerPollingWaitDialog(context.Api, v.Name, PollingCommands(v.Name, poolNames)))
        {
            app.Run(dialog);
            registered = dialog.Registered;
        }

        if (registered is not null)
            Shell.Say($"Worker {registered.Name} ({registered.Id}) has registered.");
        else
            Shell.Say($"Worker {v.Name} has not registered yet; it appears in the list when it does.");
        Shell.RefreshNow();
    }

    /// <summary>What to run on the worker machine for a polling tentacle called <paramref name="name"/> in these pools.</summary>
    public string PollingCommands(string name, IReadOnlyList<string> poolNames) =>
        "On the worker machine, once if it has no tentacle instance yet:\n"
        + "  octolite tentacle create-instance --instance Tentacle\n"
        + "then register it with this server and start it:\n"
        + "  octolite tentacle register-worker --comms-style TentacleActive \\\n"
        + $"    --server {ServerUrl()} --api-key <KEY> \\\n"
        + $"    --name {Quote(name)} --workerpool {Quote(string.Join(",", poolNames))}\n"
        + "  octolite tentacle run\n"
        + "<KEY> is an API key of this server; make one here with\n"
        + "  octolite apikey create --name <NAME>";

    /// <summary>This server's REST address as a tentacle elsewhere reaches it: the address the TUI uses, else the one it listens on.</summary>
    private string ServerUrl()
    {
        if (context.Api.Client.Address.Url is { } url)
            return url.GetLeftPart(UriPartial.Authority);

        var listen = server!.ListenAddresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal));
        if (listen is null || !Uri.TryCreate(listen.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var bound))
            return "http://<this server>:8065";

        // A wildcard address means nothing on another machine: name this one instead.
        var host = listen.Contains("[::]", StringComparison.Ordinal) || listen.Contains("0.0.0.0", StringComparison.Ordinal) ? Dns.GetHostName() : bound.Host;
        return $"http://{host}:{bound.Port.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string Quote(string text) => text.Any(c => char.IsWhiteSpace(c) || "\"'$`\\;&|<>()*?!#".Contains(c))
        ? "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'"
        : text;

    private string? Problem(string name, IReadOnlyList<string> poolIds)
    {
        if (name.Length == 0)
            return "The name is missing.";
        if (workers.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase)) is { } taken)
            return $"There is already a worker called {taken.Name} ({taken.Id}); choose another name.";
        return poolIds.Count == 0 ? "Tick at least one pool." : null;
    }

    /// <summary>
    /// Why <paramref name="host"/> cannot be the tentacle's host, or null. Only a DNS name, an IPv4 or an IPv6 address
    /// (bracketed or not) will do: UriBuilder throws on some other text ("build 01") and quietly builds a different
    /// address from the rest ("host:10933", "https://host", "a/b").
    /// </summary>
    private static string? HostProblem(string host)
    {
        if (host.Length == 0)
            return "The host is missing: the name or address the server calls the tentacle at.";
        if (Uri.CheckHostName(Bare(host)) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6)
            return null;
        return $"The host must be a DNS name or an IP address alone, without a scheme, port, path or spaces (got '{host}'); the port has its own field.";
    }

    /// <summary>An IPv6 address may be given in brackets, as in a URI; UriBuilder adds them itself.</summary>
    private static string Bare(string host) =>
        host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;

    private static string? PortProblem(string text, out int port)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535)
            return null;
        return $"The port must be a number from 1 to 65535 (got '{text}').";
    }
}
