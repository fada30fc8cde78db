using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using OctoLite.Server.Security;

namespace OctoLite.Server.Polling;

/// <summary>
/// The polling port's TLS: the server certificate (the thumbprint tentacles pin), and a client certificate
/// required and accepted only when a polling worker is registered with its thumbprint (<see cref="PollingTrust"/>),
/// so an unknown tentacle is refused in the handshake and never reaches a route.
/// </summary>
internal static class PollingTls
{
    /// <summary>How long a TLS handshake on the polling port may take.</summary>
    public static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    /// <param name="services">The server's services, resolved per connection (they exist once the server has started).</param>
    public static TlsHandshakeCallbackOptions Options(IServiceProvider services) => new()
    {
        HandshakeTimeout = HandshakeTimeout,
        OnConnection = context =>
        {
            var certificate = services.GetRequiredService<ServerCertificate>().Certificate;
            var trust = services.GetRequiredService<PollingTrust>();
            var remote = context.Connection.RemoteEndPoint?.ToString() ?? "an unknown peer";
            return ValueTask.FromResult(new SslServerAuthenticationOptions
            {
                ServerCertificateContext = SslStreamCertificateContext.Create(certificate, additionalCertificates: null),
                ClientCertificateRequired = true,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                // Self-signed on both sides: the registered thumbprint decides, never a chain.
                RemoteCertificateValidationCallback = (_, client, _, _) => trust.IsTrusted(client?.GetCertHashString(), remote),
            });
        },
    };
}
