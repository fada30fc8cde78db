using System.Security.Cryptography.X509Certificates;
using OctoLite.Hosting;
using OctoLite.Tentacle.Agent.Polling;

namespace OctoLite.Tentacle.Agent;

/// <summary>
/// One running tentacle: the script service over its home directory and, unless <see cref="TentacleInstanceConfig.NoListen"/>,
/// the HTTPS listener the server calls (mutual TLS, pinned thumbprints). <c>octolite tentacle run</c> starts one;
/// tests and an in-process server start one directly. Disposing stops listening, cancels running scripts (their
/// journals record the cancellation) and waits for them to end.
/// </summary>
internal sealed class TentacleAgent : IAsyncDisposable
{
    private readonly TentacleListener? _listener;
    private readonly PollingClient? _polling;
    private readonly PollingDispatcher? _dispatcher;
    private readonly WorkspaceJanitor _janitor;
    private readonly ILoggerFactory _loggerFactory;

    private TentacleAgent(
        TentacleInstanceConfig config, X509Certificate2 certificate, ScriptService scripts, WorkspaceJanitor janitor, TentacleListener? listener,
        PollingClient? polling, PollingDispatcher? dispatcher, ILoggerFactory loggerFactory)
    {
        _polling = polling;
        _dispatcher = dispatcher;
        _loggerFactory = loggerFactory;
        Config = config;
        Certificate = certificate;
        Scripts = scripts;
        _janitor = janitor;
        _listener = listener;
    }

    /// <summary>The settings the agent started with (trust is re-read from <c>tentacle.json</c> when the file changes).</summary>
    public TentacleInstanceConfig Config { get; }

    /// <summary>The instance certificate the agent presents (created in the home directory on first use).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate's thumbprint, 40 upper-case hex characters: what the server pins.</summary>
    public string Thumbprint => Certificate.Thumbprint;

    /// <summary>The bound TCP port (the real one when the config asked for 0); 0 when not listening.</summary>
    public int Port => _listener?.Port ?? 0;

    /// <summary>The address to call the agent on, e.g. <c>https://127.0.0.1:10933/</c> (loopback when listening on every interface); null when not listening.</summary>
    public Uri? ListenUri => _listener?.Uri;

    /// <summary>A polling tentacle's server endpoint; null when the instance does not poll.</summary>
    public Uri? PollingServer => _polling?.Server;

    /// <summary>True while a polling tentacle's last poll reached the server.</summary>
    public bool IsPollingConnected => _polling?.IsConnected ?? false;

    /// <summary>The transport-independent service: what the listener serves and what polled calls run.</summary>
    public ScriptService Scripts { get; }

    /// <summary>Starts an agent for <paramref name="config"/>, whose <see cref="TentacleInstanceConfig.HomeDirectory"/> must be set.</summary>
    public static Task<TentacleAgent> StartAsync(TentacleInstanceConfig config, CancellationToken cancellationToken) =>
        StartAsync(config, new TentacleAgentOptions(), cancellationToken);

    /// <summary>Starts an agent for <paramref name="config"/> with <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The config has no home directory, or an invalid listen address or port.</exception>
    /// <exception cref="IOException">The port is in use, or the home directory cannot be written.</exception>
    public static async Task<TentacleAgent> StartAsync(TentacleInstanceConfig config, TentacleAgentOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(config.HomeDirectory, nameof(config));
        var home = new TentacleHome(config.HomeDirectory);
        home.EnsureCreated();
        var certificate = home.LoadOrCreateCertificate(config.Name);
        var loggerFactory = TentacleLogging.CreateFactory(options);
        var scripts = new ScriptService(home, options, loggerFactory.CreateLogger<ScriptService>());
        scripts.RecoverAfterRestart();
        var janitor = new WorkspaceJanitor(home, scripts, config.WorkspaceRetention, options, loggerFactory.CreateLogger<WorkspaceJanitor>());
        TentacleListener? listener = null;
        PollingDispatcher? dispatcher = null;
        PollingClient? polling = null;
        try
        {
            janitor.Start();
            if (!config.NoListen)
            {
                listener = await TentacleListener.StartAsync(config, certificate, scripts, options, loggerFactory, cancellationToken);
            }

            if (config.ServerCommsAddress.Length > 0)
            {
                var probe = new TentacleCapabilitiesProbe(config.HomeDirectory, options.SearchPath);
                dispatcher = new PollingDispatcher(config.HomeDirectory, scripts, probe, loggerFactory);
                var pollingLogger = loggerFactory.CreateLogger<PollingClient>();
                polling = PollingClient.Start(config, certificate, new TrustedThumbprints(config, pollingLogger), dispatcher, options, pollingLogger);
            }
        }
        catch
        {
            if (listener is not null)
            {
                await listener.DisposeAsync();
            }

            dispatcher?.Dispose();
            await janitor.DisposeAsync();
            await scripts.DisposeAsync();
            certificate.Dispose();
            loggerFactory.Dispose();
            throw;
        }

        var where = string.Join("; ", new[] { listener is null ? null : $"listening on {listener.Uri}", polling is null ? null : $"polling {polling.Server} as poll://{config.SubscriptionId}/" }.OfType<string>());
        TentacleLog.Started(loggerFactory.CreateLogger<TentacleAgent>(), config.Name, certificate.Thumbprint,
            where.Length > 0 ? where : "neither listening nor polling (no-listen, no server to poll)", config.TrustedThumbprints.Count);
        return new TentacleAgent(config, certificate, scripts, janitor, listener, polling, dispatcher, loggerFactory);
    }

    /// <summary>Completes when <paramref name="cancellationToken"/> fires (the CLI passes its SIGTERM/SIGINT token).</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken) =>
        await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);

    public async ValueTask DisposeAsync()
    {
        if (_listener is not null)
        {
            await _listener.DisposeAsync();
        }

        if (_polling is not null)
        {
            await _polling.DisposeAsync();
        }

        _dispatcher?.Dispose();

        await _janitor.DisposeAsync();
        await Scripts.DisposeAsync();
        Certificate.Dispose();
        _loggerFactory.Dispose();
    }
}
