using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OctoLite.Hosting;
using OctoLite.Server.Email;
using OctoLite.Server.Security;
using OctoLite.Storage;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Email;

/// <summary>The SMTP client against a real SMTP server on loopback.</summary>
public sealed class EmailSenderTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly OctoStore _store;
    private readonly EmailSender _sender;

    public EmailSenderTests()
    {
        _store = OctoStore.Open(_temp.Combine("octolite.db"));
        _sender = new EmailSender(_store, new SecretProtector(new DataPaths(_temp.Path)), TimeProvider.System);
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    private static SmtpSettings SettingsFor(SmtpSink sink) => new()
    {
        Host = sink.Host,
        Port = sink.Port,
        From = "octolite@example.com",
        Timeouts = new SmtpTimeouts { Connect = TimeSpan.FromSeconds(5), Command = TimeSpan.FromSeconds(5), Message = TimeSpan.FromSeconds(5) },
    };

    private static EmailMessage Message(string body = "Deployed.", string subject = "Release 1.2.3") => new()
    {
        To = ["ops@example.com", "dev@example.com"],
        Cc = ["boss@example.com"],
        Subject = subject,
        Body = body,
    };

    [Fact]
    public async Task SendAsync_DeliversEnvelopeAndHeaders_ToTheServer()
    {
        await using var sink = new SmtpSink();

        var sent = await _sender.SendAsync(Message(), SettingsFor(sink), TestTimeout.Token());

        Assert.True(sent.IsSuccess, sent.Problem?.Detail);
        var received = Assert.Single(sink.Messages);
        Assert.Equal("octolite@example.com", received.From);
        Assert.Equal(["ops@example.com", "dev@example.com", "boss@example.com"], received.Recipients);
        var email = ReceivedEmail.Parse(received.Data);
        Assert.Equal("octolite@example.com", email.Headers["From"]);
        Assert.Equal("ops@example.com, dev@example.com", email.Headers["To"]);
        Assert.Equal("boss@example.com", email.Headers["Cc"]);
        Assert.Equal("Release 1.2.3", email.Subject);
        Assert.Equal(sent.Value!.MessageId, email.Headers["Message-ID"]);
        Assert.Matches(@"^<[0-9a-f]{32}@example\.com>$", sent.Value!.MessageId);
        Assert.Equal("1.0", email.Headers["MIME-Version"]);
        Assert.Equal("text/plain; charset=utf-8", email.Headers["Content-Type"]);
        var date = DateTimeOffset.ParseExact(email.Headers["Date"], "ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.True(Math.Abs((DateTimeOffset.UtcNow - date).TotalMinutes) < 5);
        Assert.Equal("Deployed.", email.Body);
        Assert.Equal($"{sink.Host}:{sink.Port}", sent.Value!.Server);
        Assert.Contains(sink.Commands, c => c.StartsWith("EHLO ", StringComparison.Ordinal));
        Assert.Equal("QUIT", sink.Commands[^1]);
    }

    [Fact]
    public async Task SendAsync_EncodesNonAsciiSubjectAndBody_SoBothDecodeIntact()
    {
        await using var sink = new SmtpSink();
        var subject = "Déploiement réussi ✓ — 日本語のテキスト, Ελληνικά und noch viel mehr Text, damit es umbricht";
        var body = "Grüße aus Zürich 🚀\nA line with = signs and trailing spaces   \n" + new string('x', 200) + "\n\n\tindented é\nlast";

        var sent = await _sender.SendAsync(Message(body, subject), SettingsFor(sink), TestTimeout.Token());

        Assert.True(sent.IsSuccess, sent.Problem?.Detail);
        var data = Assert.Single(sink.Messages).Data;
        Assert.All(data, c => Assert.True(c < 128, $"non-ASCII character U+{(int)c:X4} on the wire"));
        Assert.All(data.Split("\r\n"), line => Assert.True(line.Length <= 78, $"line of {line.Length}: {line}"));
        var email = ReceivedEmail.Parse(data);
        Assert.StartsWith("=?UTF-8?B?", email.Headers["Subject"], StringComparison.Ordinal);
        Assert.Equal(subject, email.Subject);
        Assert.Equal(body.Replace("\n", "\r\n", StringComparison.Ordinal), email.Body);
    }

    [Fact]
    public async Task SendAsync_DotStuffsLines_ThatStartWithADot()
    {
        await using var sink = new SmtpSink();
        var body = "before\n.\n..two dots\n.hidden\nQUIT\nafter";

        var sent = await _sender.SendAsync(Message(body), SettingsFor(sink), TestTimeout.Token());

        Assert.True(sent.IsSuccess, sent.Problem?.Detail);
        var email = ReceivedEmail.Parse(Assert.Single(sink.Messages).Data);
        Assert.Equal(body.Replace("\n", "\r\n", StringComparison.Ordinal), email.Body);
        Assert.Single(sink.Commands, c => c == "QUIT");
    }

    [Fact]
    public async Task SendAsync_UpgradesWithStartTls_WhenEnableSslIsSet()
    {
        using var certificate = SmtpSink.CreateCertificate();
        await using var sink = new SmtpSink(new SmtpSink.Options { Certificate = certificate });
        var settings = SettingsFor(sink) with
        {
            EnableSsl = true,
            CertificateValidation = (_, presented, _, _) => presented?.GetCertHashString() == certificate.Thumbprint,
        };

        var sent = await _sender.SendAsync(Message(), settings, TestTimeout.Token());

        Assert.True(sent.IsSuccess, sent.Problem?.Detail);
        Assert.True(Assert.Single(sink.Messages).OverTls);
        Assert.Equal(2, sink.Commands.Count(c => c.StartsWith("EHLO", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SendAsync_FailsClearly_WhenTheTlsCertificateIsNotTrusted()
    {
        using var certificate = SmtpSink.CreateCertificate();
        await using var sink = new SmtpSink(new SmtpSink.Options { Certificate = certificate });

        var sent = await _sender.SendAsync(Message(), SettingsFor(sink) with { EnableSsl = true }, TestTimeout.Token());

        Assert.False(sent.IsSuccess);
        Assert.Contains($"TLS handshake with SMTP server {sink.Host}:{sink.Port} failed", sent.Problem!.Detail);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task SendAsync_NeverSendsInClear_WhenEnableSslButNoStartTls()
    {
        await using var sink = new SmtpSink();

        var sent = await _sender.SendAsync(Message(), SettingsFor(sink) with { EnableSsl = true }, TestTimeout.Token());

        Assert.False(sent.IsSuccess);
        Assert.Contains("does not offer STARTTLS", sent.Problem!.Detail);
        Assert.DoesNotContain(sink.Commands, c => c.StartsWith("MAIL", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PLAIN")]
    [InlineData("LOGIN")]
    public async Task SendAsync_Authenticates_WhenAUserNameIsSet(string mechanism)
    {
        using var certificate = SmtpSink.CreateCertificate();
        await using var sink = new SmtpSink(new SmtpSink.Options { Certificate = certificate, Account = ("deploy", "s3cret pass"), Mechanisms = [mechanism] });
        var settings = SettingsFor(sink) with
        {
            EnableSsl = true,
            Username = "deploy",
            Password = "s3cret pass",
            CertificateValidation = (_, _, _, _) => true,
        };

        var sent = await _sender.SendAsync(Message(), settings, TestTimeout.Token());

        Assert.True(sent.IsSuccess, sent.Problem?.Detail);
        var received = Assert.Single(sink.Messages);
        Assert.Equal("deploy", received.User);
        Assert.Equal(mechanism, received.Mechanism);
    }

    [Fact]
    public async Task SendAsync_FailsClearly_WhenCredentialsAreRefused()
    {
        await using var sink = new SmtpSink(new SmtpSink.Options { Account = ("deploy", "right") });

        var sent = await _sender.SendAsync(Message(), SettingsFor(sink) with { Username = "deploy", Password = "wrong-password" }, TestTimeout.Token());

        Assert.False(sent.IsSuccess);
        Assert.Equal(502, sent.Problem!.Status);
        Assert.Contains($"SMTP server {sink.Host}:{sink.Port} refused the credentials of user 'deploy': 535", sent.Problem!.Detail);
        Assert.DoesNotContain("wrong-password", sent.Problem!.Detail);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task SendAsync_NamesTheRecipient_WhenTheServerRefusesIt()
    {
        await using var sink = new SmtpSink(new SmtpSink.Options { RefusedRecipients = ["dev@example.com"] });

        var sent = await _sender.SendAsync(Message(), SettingsFor(sink), TestTimeout.Token());

        Assert.False(sent.IsSuccess);
        Assert.StartsWith($"SMTP server {sink.Host}:{sink.Port} refused the recipient dev@example.com: 550 5.1.1", sent.Problem!.Detail);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task SendAsync_SaysConnectionRefused_WhenNothingListens()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var sent = await _sender.SendAsync(Message(), new SmtpSettings { Host = "127.0.0.1", Port = port, From = "octolite@example.com" }, TestTimeout.Token());

        Assert.False(sent.IsSuccess);
        Assert.Equal(502, sent.Problem!.Status);
        Assert.Equal($"Cannot connect to SMTP server 127.0.0.1:{port}: connection refused (is an SMTP server listening on that port?).", sent.Problem!.Detail);
    }

    [Fact]
    public async Task SendAsync_TimesOut_WhenTheServerNeverGreets()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var settings = new SmtpSettings
            {
                Host = "127.0.0.1",
                Port = port,
                From = "octolite@example.com",
                Timeouts = new SmtpTimeouts { Command = TimeSpan.FromMilliseconds(300) },
            };

            var sent = await _sender.SendAsync(Message(), settings, TestTimeout.Token());

            Assert.False(sent.IsSuccess);
            Assert.Equal($"SMTP server 127.0.0.1:{port} did not answer within 0.3 s while waiting for its greeting.", sent.Problem!.Detail);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task SendAsync_SaysHowToConfigure_WhenNoHostIsSet()
    {
        var sent = await _sender.SendAsync(Message(), TestTimeout.Token());

        Assert.False(sent.IsSuccess);
        Assert.Equal(409, sent.Problem!.Status);
        Assert.Equal("SmtpHost", sent.Problem!.Field);
        Assert.Contains("octolite config set smtp.host HOST", sent.Problem!.Detail);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("bob@example.com>\r\nRCPT TO:<eve@example.com")]
    public async Task SendAsync_RefusesABadRecipient_BeforeConnecting(string address)
    {
        await using var sink = new SmtpSink();

        var sent = await _sender.SendAsync(Message() with { Cc = [address] }, SettingsFor(sink), TestTimeout.Token());

        Assert.False(sent.IsSuccess);
        Assert.Equal(400, sent.Problem!.Status);
        Assert.Equal("Cc", sent.Problem!.Field);
        Assert.Empty(sink.Commands);
    }
}
