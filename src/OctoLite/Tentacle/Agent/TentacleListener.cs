using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using System.Net.Security;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent;

/// <summary>
/// The listening transport (TentaclePassive): Kestrel on HTTPS with the instance certificate, requiring a client
/// certificate whose thumbprint is trusted (the equivalent of <c>ClientCertificateMode.RequireCertificate</c> with a
/// pinning validation callback, built per connection so a refusal is logged with the caller's address). An untrusted or missing certificate fails the TLS handshake itself,
/// is logged with its thumbprint, and never reaches a route.
/// </summary>
internal sealed class TentacleListener : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TentacleListener(WebApplication app, Uri uri)
    {
        _app = app;
        Uri = uri;
        Port = uri.Port;
    }

    public int Port { get; }

    /// <summary>Where to call the listener (loopback when it listens on every interface).</summary>
    public Uri Uri { get; }

    /// <exception cref="ArgumentException">The listen address is not an IP address, or the port is out of range.</exception>
    public static async Task<TentacleListener> StartAsync(
        TentacleInstanceConfig config, X509Certificate2 certificate, ScriptService scripts, TentacleAgentOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(config.ListenAddress, out var address))
        {
            throw new ArgumentException($"ListenAddress must be an IP address such as 0.0.0.0 or 127.0.0.1 (got '{config.ListenAddress}').", nameof(config));
        }

        if (config.ListenPort is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentException($"ListenPort must be between 1 and {IPEndPoint.MaxPort}, or 0 for any free port (got {config.ListenPort}).", nameof(config));
        }

        var logger = loggerFactory.CreateLogger<TentacleListener>();
        var trust = new TrustedThumbprints(config, logger);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = config.HomeDirectory,
        });
        TentacleLogging.Configure(builder.Logging, options);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = TentacleProtocol.MaxFileBytes;
            kestrel.Limits.RequestHeadersTimeout = TentacleTimeoutsAndLimits.RequestHeadersTimeout;
            kestrel.Listen(address, config.ListenPort, listen => listen.UseHttps(Https(certificate, trust, logger)));
        });
        builder.Services.AddSingleton(scripts);
        builder.Services.AddSingleton(new WorkspaceFiles(scripts));
        builder.Services.AddSingleton(new TentacleCapabilitiesProbe(config.HomeDirectory, options.SearchPath));

        var app = builder.Build();
        app.UseMiddleware<TentacleProblemMiddleware>();
        app.UseMiddleware<ProtocolVersionMiddleware>();
        app.MapTentacleApi();
        await app.StartAsync(cancellationToken);

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound).Port;
        var host = address.Equals(IPAddress.Any) ? "127.0.0.1" : address.Equals(IPAddress.IPv6Any) ? "[::1]" : new Uri(bound).Host;
        return new TentacleListener(app, new Uri($"https://{host}:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static TlsHandshakeCallbackOptions Https(X509Certificate2 certificate, TrustedThumbprints trust, ILogger logger) => new()
    {
        HandshakeTimeout = TentacleTimeoutsAndLimits.TlsHandshakeTimeout,
        // The handshake options are made per connection so the certificate check knows who is calling.
        OnConnection = context => ValueTask.FromResult(new SslServerAuthenticationOptions
        {
            ServerCertificateContext = SslStreamCertificateContext.Create(certificate, additionalCertificates: null),
            ClientCertificateRequired = true,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, client, _, _) => IsTrusted(client, context.Connection.RemoteEndPoint, trust, logger),
        }),
    };

    /// <summary>
    /// Self-signed on both sides: trust is the pinned thumbprint, never a chain to an authority, so chain errors are
    /// ignored and only the thumbprint decides. Refusing here fails the TLS handshake itself.
    /// </summary>
    private static bool IsTrusted(X509Certificate? client, EndPoint? remote, TrustedThumbprints trust, ILogger logger)
    {
        var peer = remote?.ToString() ?? "an unknown peer";
        if (client is null)
        {
            TentacleLog.NoClientCertificate(logger, peer);
            return false;
        }

        var thumbprint = client.GetCertHashString();
        if (trust.IsTrusted(thumbprint))
        {
            return true;
        }

        TentacleLog.UntrustedClient(logger, peer, thumbprint, client.Subject);
        return false;
    }
}
