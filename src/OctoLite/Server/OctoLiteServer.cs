using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OctoLite.Hosting;
using OctoLite.Server.Api;
using OctoLite.Server.Audit;
using OctoLite.Server.Certificates;
using OctoLite.Server.Configuration;
using OctoLite.Server.Dispatch;
using OctoLite.Server.Email;
using OctoLite.Server.Environments;
using OctoLite.Server.Health;
using OctoLite.Server.Pools;
using OctoLite.Server.Polling;
using OctoLite.Server.Projects;
using OctoLite.Server.Security;
using OctoLite.Server.Targets;
using OctoLite.Server.Tasks;
using OctoLite.Scripting.Runner;
using OctoLite.Storage;
using OctoLite.Workers;
using OctoLite.Workers.Tentacle;
using OctoLite.Workers.Tentacle.Polling;

namespace OctoLite.Server;

/// <summary>
/// One running server: holds the data-dir lock and the store, serves the REST API on TCP (API key)
/// and on the Unix socket (local, no key). Disposing stops it gracefully and releases the lock.
/// </summary>
internal sealed partial class OctoLiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServerLock _lock;
    private readonly OctoStore _store;
    private readonly DataPaths _paths;
    private int _disposed;

    private OctoLiteServer(WebApplication app, ServerLock serverLock, OctoStore store, DataPaths paths, IReadOnlyList<string> addresses)
    {
        _app = app;
        _lock = serverLock;
        _store = store;
        _paths = paths;
        ListenAddresses = addresses;
    }

    /// <summary>Bound addresses: <c>http://127.0.0.1:PORT</c> for TCP and <c>unix:PATH</c> for the socket.</summary>
    public IReadOnlyList<string> ListenAddresses { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<OctoLiteServer> StartAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        if (!ListenAddress.TryParse(options.Listen, out var endPoint, out var error))
        {
            throw new ArgumentException(error, nameof(options));
        }

        var paths = options.Paths;
        paths.EnsurePrivateDirectory();
        Umask.MakePrivate();
        ServerLock serverLock;
        try
        {
            serverLock = ServerLock.Acquire(paths);
        }
        catch (ServerAlreadyRunningException e)
        {
            throw new ServerStartException(e.Message, e);
        }

        OctoStore? store = null;
        try
        {
            try
            {
                store = OctoStore.Open(paths.DatabaseFile);
            }
            catch (StoreException e)
            {
                throw new ServerStartException(e.Message, e);
            }

            var app = Build(options, store, endPoint);
            app.Services.GetRequiredService<ServerCertificate>(); // made on first start, so its thumbprint can be given to tentacles before any step runs
            Seed(app.Services);
            if (File.Exists(paths.SocketFile))
            {
                // We hold the data-dir lock, so a socket file here is left over from a server that died.
                File.Delete(paths.SocketFile);
            }

            await app.StartAsync(cancellationToken);
            File.SetUnixFileMode(paths.SocketFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
            var identity = app.Services.GetRequiredService<ServerIdentity>();
            identity.PollingPort = addresses.Where(a => a.StartsWith("https://", StringComparison.Ordinal)).Select(a => (int?)new Uri(a.Replace("[::]", "localhost", StringComparison.Ordinal)).Port).FirstOrDefault();
            identity.ListenAddresses = addresses;
            app.Services.GetRequiredService<TaskEngine>().Start();
            var logger = app.Services.GetRequiredService<ILogger<OctoLiteServer>>();
            LogStarted(logger, ProductInfo.Version, paths.Directory, string.Join(", ", addresses));
            if (Environment.ProcessId == 1)
            {
                LogRunningAsInit(logger);
            }
            return new OctoLiteServer(app, serverLock, store, paths, addresses);
        }
        catch
        {
            store?.Dispose();
            serverLock.Dispose();
            throw;
        }
    }

    /// <summary>Completes when the host is asked to stop (SIGTERM, SIGINT) or <paramref name="cancellationToken"/> fires.</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        var stopping = _app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, cancellationToken);
        await Task.Delay(Timeout.Infinite, linked.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return; // stopped already
        }

        LogStopping(_app.Services.GetRequiredService<ILogger<OctoLiteServer>>());
        await _app.Services.GetRequiredService<TaskEngine>().DisposeAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _store.Dispose();
        File.Delete(_paths.SocketFile);
        _lock.Dispose();
    }

    private static WebApplication Build(ServerOptions options, OctoStore store, System.Net.IPEndPoint? endPoint)
    {
        // The server reads no configuration files: the content root is the data dir (never the working directory,
        // which may be / under systemd), and configuration reload is off, so no file watcher is set on anything.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = options.Paths.Directory,
        });
        ConsoleLogging.Configure(builder.Logging, options.LogFormat);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = JsonInput.MaxBodyBytes;
            if (endPoint is not null)
            {
                kestrel.Listen(endPoint);
            }

            kestrel.ListenUnixSocket(options.Paths.SocketFile);
            if (options.PollingPort is { } pollingPort)
            {
                kestrel.ListenAnyIP(pollingPort, listen => listen.UseHttps(PollingTls.Options(kestrel.ApplicationServices)));
            }
        });

        var services = builder.Services;
        services.AddSingleton(options.Time);
        services.AddSingleton(options.Paths);
        services.AddSingleton(store);
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<ServerIdentity>();
        services.AddSingleton<WorkerPoolService>();
        services.AddSingleton<WorkerService>();
        services.AddSingleton<MachinePolicyService>();
        services.AddSingleton<ConfigurationService>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<SmtpCheck>();
        services.AddSingleton<CertificateService>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<SecretProtector>();
        services.AddSingleton<ProjectService>();
        services.AddSingleton<RunbookService>();
        services.AddSingleton<VariableService>();
        services.AddSingleton<EnvironmentService>();
        services.AddSingleton<TargetService>();
        services.AddSingleton<TaskSignals>();
        services.AddSingleton<StepRunner>();
        services.AddSingleton<BuiltInWorker>();
        services.AddSingleton<ArtifactCollector>();
        services.AddSingleton<ReleaseService>();
        services.AddSingleton<ServerCertificate>();
        services.AddSingleton<TentacleTimeouts>();
        services.AddSingleton(sp => new PollingQueues(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new TentacleClients(sp.GetRequiredService<ServerCertificate>().Certificate, sp.GetRequiredService<TentacleTimeouts>(), sp.GetRequiredService<PollingQueues>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TentacleWorker>();
        services.AddSingleton<PollingTrust>();
        services.AddSingleton<WorkerLeases>();
        services.AddSingleton<TaskWaits>();
        services.AddSingleton<ScriptMutexes>();
        services.AddSingleton<WorkerPlacement>();
        services.AddSingleton<ScriptStep>();
        services.AddSingleton<InterruptionBroker>();
        services.AddSingleton<ManualInterventionStep>();
        services.AddSingleton<InServerSteps>();
        services.AddSingleton<TaskExecutor>();
        services.AddSingleton<TaskEngine>();
        services.AddSingleton<TaskService>();
        services.AddSingleton<HealthTimings>();
        services.AddSingleton<WorkerHealthService>();
        services.AddSingleton<WorkerHealthProbe>();
        services.AddSingleton<HealthCheckRunner>();
        services.AddHostedService<HealthScheduler>();
        services.AddHostedService<PollingLiveness>();

        var app = builder.Build();
        app.UseMiddleware<UnhandledErrors>();
        app.UseMiddleware<PollingEndpoint>();
        app.UseMiddleware<ApiKeyAuthentication>();
        app.MapServerStatusApi();
        app.MapWorkerPoolsApi();
        app.MapWorkersApi();
        app.MapWorkerConnectionApi();
        app.MapWorkerHealthApi();
        app.MapMachinePoliciesApi();
        app.MapConfigurationApi();
        app.MapCertificatesApi();
        app.MapApiKeysApi();
        app.MapProjectsApi();
        app.MapEnvironmentsApi();
        app.MapTargetsApi();
        app.MapVariablesApi();
        app.MapRunbooksApi();
        app.MapReleasesApi();
        app.MapTasksApi();
        app.MapEventsApi();
        app.MapFallback((HttpContext context) => ApiResults.Problem(new Problem(404, "Not found", $"No API at {context.Request.Method} {context.Request.Path}.")));
        return app;
    }

    private static void Seed(IServiceProvider services)
    {
        var store = services.GetRequiredService<OctoStore>();
        var pools = services.GetRequiredService<WorkerPoolService>();
        var policies = services.GetRequiredService<MachinePolicyService>();
        var configuration = services.GetRequiredService<ConfigurationService>();
        store.Write(s =>
        {
            pools.SeedDefault(s, Actor.System);
            policies.SeedDefault(s, Actor.System);
            configuration.SeedDefault(s, Actor.System);
            return true;
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "OctoLite {Version} serving data dir {DataDir} on {Addresses}")]
    private static partial void LogStarted(ILogger logger, string version, string dataDir, string addresses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The server runs as process 1 (a container without an init): the runtime then reaps every child process, and step scripts' exit codes can be lost. Run the container with an init (docker run --init, tini).")]
    private static partial void LogRunningAsInit(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "OctoLite server stopping")]
    private static partial void LogStopping(ILogger logger);
}
