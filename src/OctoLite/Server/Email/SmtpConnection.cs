using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace OctoLite.Server.Email;

/// <summary>
/// The transport under an SMTP session: a TCP connection, optionally wrapped in TLS (at once for implicit TLS, or
/// after STARTTLS), read as CRLF-terminated reply lines. Every wait has a timeout; every failure becomes an
/// <see cref="SmtpException"/> naming the server and what was going on.
/// </summary>
internal sealed class SmtpConnection : IAsyncDisposable
{
    private const int MaxLineBytes = 64 * 1024;
    private readonly TcpClient _tcp;
    private readonly SmtpSettings _settings;
    private Stream _stream;
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    private SmtpConnection(TcpClient tcp, SmtpSettings settings)
    {
        _tcp = tcp;
        _settings = settings;
        _stream = tcp.GetStream();
    }

    public bool IsEncrypted => _stream is SslStream;

    public static async Task<SmtpConnection> OpenAsync(SmtpSettings settings, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            using (var timeout = Deadline(settings.Timeouts.Connect, cancellationToken))
            {
                try
                {
                    await tcp.ConnectAsync(settings.Host, settings.Port, timeout.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new SmtpException($"Cannot connect to SMTP server {settings.Endpoint}: no answer within {Seconds(settings.Timeouts.Connect)}.");
                }
                catch (SocketException e)
                {
                    throw new SmtpException(ConnectFailure(settings, e), e);
                }
            }

            var connection = new SmtpConnection(tcp, settings);
            if (settings.ImplicitTls)
            {
                await connection.StartTlsAsync(settings.Timeouts.Connect, cancellationToken);
            }

            return connection;
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>Wraps the connection in TLS. Bytes the server sent before the handshake are dropped (RFC 3207 §6: never trust them).</summary>
    public async Task StartTlsAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = _settings.Host,
            RemoteCertificateValidationCallback = _settings.CertificateValidation,
        };
        using var timeout = Deadline(limit, cancellationToken);
        try
        {
            await ssl.AuthenticateAsClientAsync(options, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SmtpException($"The TLS handshake with SMTP server {_settings.Endpoint} did not finish within {Seconds(limit)}.");
        }
        catch (AuthenticationException e)
        {
            var reason = e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;
            throw new SmtpException($"The TLS handshake with SMTP server {_settings.Endpoint} failed: {reason}. Check that its certificate is valid for '{_settings.Host}' and trusted by this machine.", e);
        }
        catch (IOException e)
        {
            throw new SmtpException($"The TLS handshake with SMTP server {_settings.Endpoint} failed: {e.Message}", e);
        }

        _stream = ssl;
        _start = _end = 0;
    }

    /// <summary>Sends <paramref name="text"/> (lines already ending in CRLF) and reads the reply to it.</summary>
    public async Task<SmtpReply> SendAsync(string text, string stage, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = Deadline(limit, cancellationToken);
        try
        {
            await _stream.WriteAsync(Encoding.UTF8.GetBytes(text), timeout.Token);
            await _stream.FlushAsync(timeout.Token);
            return await ReadReplyAsync(stage, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SmtpException($"SMTP server {_settings.Endpoint} did not answer within {Seconds(limit)} {stage}.");
        }
        catch (IOException e)
        {
            throw new SmtpException($"The connection to SMTP server {_settings.Endpoint} broke {stage}: {e.Message}", e);
        }
    }

    /// <summary>Reads one reply without sending anything first (the greeting).</summary>
    public Task<SmtpReply> ReadAsync(string stage, TimeSpan limit, CancellationToken cancellationToken) =>
        SendAsync("", stage, limit, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    private async Task<SmtpReply> ReadReplyAsync(string stage, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(stage, cancellationToken);
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), out var code) || code < 100 || (line.Length > 3 && line[3] is not (' ' or '-')))
            {
                throw new SmtpException($"SMTP server {_settings.Endpoint} sent a reply that is not SMTP {stage}: '{Shorten(line)}'.");
            }

            lines.Add(line.Length > 4 ? line[4..] : "");
            if (line.Length == 3 || line[3] == ' ')
            {
                return new SmtpReply(code, lines);
            }
        }
    }

    private async Task<string> ReadLineAsync(string stage, CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == '\r')
                {
                    length--;
                }

                var line = Encoding.UTF8.GetString(_buffer, _start, length);
                _start = newline + 1;
                return line;
            }

            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= MaxLineBytes)
                {
                    throw new SmtpException($"SMTP server {_settings.Endpoint} sent a reply line longer than {MaxLineBytes} bytes {stage}.");
                }

                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                throw new SmtpException($"SMTP server {_settings.Endpoint} closed the connection {stage}.");
            }

            _end += read;
        }
    }

    private static string ConnectFailure(SmtpSettings settings, SocketException e) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => $"Cannot connect to SMTP server {settings.Endpoint}: connection refused (is an SMTP server listening on that port?).",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"Cannot find SMTP host '{settings.Host}': {e.Message}. Check smtp.host.",
        _ => $"Cannot connect to SMTP server {settings.Endpoint}: {e.Message}.",
    };

    private static CancellationTokenSource Deadline(TimeSpan limit, CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(limit);
        return source;
    }

    private static string Seconds(TimeSpan limit) => $"{limit.TotalSeconds:0.#} s";

    private static string Shorten(string line) => line.Length <= 200 ? line : line[..200] + "…";
}
