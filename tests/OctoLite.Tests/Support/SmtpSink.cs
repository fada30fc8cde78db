using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OctoLite.Tests.Support;

/// <summary>
/// A small real SMTP server on 127.0.0.1 (port 0) that records what it is sent: the envelope and the message data
/// (dot-stuffing undone). It can offer STARTTLS with a self-signed certificate, AUTH PLAIN and LOGIN against one
/// account, and refuse chosen recipients with 550.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Message> _messages = new();
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly Task _accepting;

    public SmtpSink(Options? options = null)
    {
        Settings = options ?? new Options();
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public sealed record Options
    {
        /// <summary>Offer STARTTLS with this certificate (see <see cref="CreateCertificate"/>).</summary>
        public X509Certificate2? Certificate { get; init; }
        /// <summary>Offer AUTH and accept only this account.</summary>
        public (string User, string Password)? Account { get; init; }
        /// <summary>The mechanisms announced in EHLO when <see cref="Account"/> is set.</summary>
        public IReadOnlyList<string> Mechanisms { get; init; } = ["PLAIN", "LOGIN"];
        /// <summary>Recipients answered with 550.</summary>
        public IReadOnlyList<string> RefusedRecipients { get; init; } = [];
    }

    /// <summary>One accepted message.</summary>
    public sealed record Message(string From, IReadOnlyList<string> Recipients, string Data, bool OverTls, string? User, string? Mechanism);

    public Options Settings { get; }
    public string Host => "127.0.0.1";
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public IReadOnlyList<Message> Messages => _messages.ToArray();
    /// <summary>Every command line received, in order (AUTH payloads included: the tests' credentials are not secret).</summary>
    public IReadOnlyList<string> Commands => _commands.ToArray();

    public static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        // A certificate with an ephemeral key cannot serve TLS everywhere; a PKCS#12 round trip gives it a usable one.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await new Session(this, client.GetStream()).RunAsync(_stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or AuthenticationFailure)
            {
                // The client went away or the sink is stopping.
            }
        }
    }

    private sealed class AuthenticationFailure(string message) : Exception(message);

    private sealed class Session(SmtpSink sink, Stream network)
    {
        private Stream _stream = network;
        private LineReader _reader = new(network);
        private bool _tls;
        private string? _user;
        private string? _mechanism;
        private string? _from;
        private readonly List<string> _recipients = [];

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            await ReplyAsync("220 sink.test ESMTP ready", cancellationToken);
            while (await _reader.ReadLineAsync(cancellationToken) is { } line)
            {
                sink._commands.Enqueue(line);
                var verb = (line.Split(' ', 2)[0]).ToUpperInvariant();
                var argument = line.Length > verb.Length ? line[(verb.Length + 1)..] : "";
                switch (verb)
                {
                    case "EHLO":
                        await ReplyAsync(Extensions(), cancellationToken);
                        break;
                    case "HELO":
                        await ReplyAsync("250 sink.test", cancellationToken);
                        break;
                    case "STARTTLS" when sink.Settings.Certificate is { } certificate && !_tls:
                        await ReplyAsync("220 go ahead", cancellationToken);
                        var ssl = new SslStream(_stream);
                        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, cancellationToken);
                        _stream = ssl;
                        _reader = new LineReader(ssl);
                        _tls = true;
                        break;
                    case "AUTH" when sink.Settings.Account is not null:
                        await AuthenticateAsync(argument, cancellationToken);
                        break;
                    case "MAIL":
                        _from = Address(argument);
                        _recipients.Clear();
                        await ReplyAsync("250 sender ok", cancellationToken);
                        break;
                    case "RCPT":
                        var recipient = Address(argument);
                        if (sink.Settings.RefusedRecipients.Contains(recipient, StringComparer.OrdinalIgnoreCase))
                        {
                            await ReplyAsync($"550 5.1.1 <{recipient}>: no such user here", cancellationToken);
                        }
                        else
                        {
                            _recipients.Add(recipient);
                            await ReplyAsync("250 recipient ok", cancellationToken);
                        }

                        break;
                    case "DATA":
                        await ReplyAsync("354 end with <CRLF>.<CRLF>", cancellationToken);
                        var data = await ReadDataAsync(cancellationToken);
                        sink._messages.Enqueue(new Message(_from ?? "", _recipients.ToList(), data, _tls, _user, _mechanism));
                        await ReplyAsync("250 2.0.0 queued", cancellationToken);
                        break;
                    case "RSET":
                        _from = null;
                        _recipients.Clear();
                        await ReplyAsync("250 ok", cancellationToken);
                        break;
                    case "NOOP":
                        await ReplyAsync("250 ok", cancellationToken);
                        break;
                    case "QUIT":
                        await ReplyAsync("221 bye", cancellationToken);
                        return;
                    default:
                        await ReplyAsync("502 5.5.2 command not recognised", cancellationToken);
                        break;
                }
            }
        }

        private string Extensions()
        {
            var lines = new List<string> { "sink.test" };
            if (sink.Settings.Certificate is not null && !_tls)
            {
                lines.Add("STARTTLS");
            }

            if (sink.Settings.Account is not null)
            {
                lines.Add("AUTH " + string.Join(' ', sink.Settings.Mechanisms));
            }

            lines.Add("8BITMIME");
            return string.Join("\r\n", lines.Select((l, i) => $"250{(i == lines.Count - 1 ? ' ' : '-')}{l}"));
        }

        private async Task AuthenticateAsync(string argument, CancellationToken cancellationToken)
        {
            var parts = argument.Split(' ', 2);
            var (user, password) = sink.Settings.Account!.Value;
            string? givenUser;
            string? givenPassword;
            switch (parts[0].ToUpperInvariant())
            {
                case "PLAIN":
                    var response = parts.Length > 1 ? parts[1] : await AskAsync("", cancellationToken);
                    var fields = Encoding.UTF8.GetString(Convert.FromBase64String(response)).Split('\0');
                    (givenUser, givenPassword) = fields.Length == 3 ? (fields[1], fields[2]) : (null, null);
                    break;
                case "LOGIN":
                    givenUser = Encoding.UTF8.GetString(Convert.FromBase64String(await AskAsync("VXNlcm5hbWU6", cancellationToken)));
                    givenPassword = Encoding.UTF8.GetString(Convert.FromBase64String(await AskAsync("UGFzc3dvcmQ6", cancellationToken)));
                    break;
                default:
                    await ReplyAsync("504 5.5.4 mechanism not supported", cancellationToken);
                    return;
            }

            if (givenUser == user && givenPassword == password)
            {
                _user = givenUser;
                _mechanism = parts[0].ToUpperInvariant();
                await ReplyAsync("235 2.7.0 authenticated", cancellationToken);
            }
            else
            {
                await ReplyAsync("535 5.7.8 authentication credentials invalid", cancellationToken);
            }
        }

        private async Task<string> AskAsync(string challenge, CancellationToken cancellationToken)
        {
            await ReplyAsync($"334 {challenge}", cancellationToken);
            return await _reader.ReadLineAsync(cancellationToken) ?? throw new AuthenticationFailure("client left during AUTH");
        }

        private async Task<string> ReadDataAsync(CancellationToken cancellationToken)
        {
            var data = new StringBuilder();
            while (await _reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line == ".")
                {
                    return data.ToString();
                }

                data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
            }

            throw new IOException("client left during DATA");
        }

        private static string Address(string argument)
        {
            var start = argument.IndexOf('<', StringComparison.Ordinal);
            var end = argument.IndexOf('>', StringComparison.Ordinal);
            return start >= 0 && end > start ? argument[(start + 1)..end] : argument;
        }

        private async Task ReplyAsync(string reply, CancellationToken cancellationToken)
        {
            await _stream.WriteAsync(Encoding.UTF8.GetBytes(reply + "\r\n"), cancellationToken);
            await _stream.FlushAsync(cancellationToken);
        }
    }

    /// <summary>CRLF lines from a stream, without reading past what the client sent (so STARTTLS can take over the stream).</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] _one = new byte[1];

        public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new List<byte>();
            while (true)
            {
                if (await stream.ReadAsync(_one, cancellationToken) == 0)
                {
                    return line.Count == 0 ? null : Encoding.UTF8.GetString(line.ToArray());
                }

                if (_one[0] == '\n')
                {
                    if (line.Count > 0 && line[^1] == '\r')
                    {
                        line.RemoveAt(line.Count - 1);
                    }

                    return Encoding.UTF8.GetString(line.ToArray());
                }

                line.Add(_one[0]);
            }
        }
    }
}
