using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Certificates;

internal sealed class CertificateImportCommand : OctoCommand
{
    private readonly Option<string> _name = new("--name") { Description = "The name to keep it under; steps read #{Name.Thumbprint} and friends", HelpName = "name", Required = true };
    private readonly Option<string> _file = new("--file") { Description = "A PFX/PKCS#12 file, or PEM with the certificate and optionally its private key", HelpName = "path", Required = true };
    private readonly Option<string?> _password = new("--password") { Description = "Password of the PFX file or the encrypted private key", HelpName = "password" };
    private readonly Option<bool> _passwordStdin = new("--password-stdin") { Description = "Read the password from the first line of stdin (keeps it out of the process list)" };
    private readonly Option<bool> _replace = new("--replace") { Description = "Replace a certificate of the same name, keeping its id" };

    public CertificateImportCommand(GlobalOptions options) : base("import", "Import a PFX or PEM certificate into the library", options)
    {
        Options.Add(_name);
        Options.Add(_file);
        Options.Add(_password);
        Options.Add(_passwordStdin);
        Options.Add(_replace);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var path = result.GetValue(_file)!;
        byte[] data;
        try
        {
            data = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Usage($"--file: cannot read '{path}': {e.Message}");
        }

        var body = new JsonPatch()
            .Set("Name", result.GetValue(_name))
            .Set("CertificateData", Convert.ToBase64String(data))
            .Set("Password", await PasswordAsync(result, cancellationToken))
            .Set("Replace", result.GetValue(_replace) ? true : null);
        var certificate = await context.Client.PostAsync("api/certificates", body.Body, CliJsonContext.Default.Certificate, cancellationToken);
        context.Render(certificate, CliJsonContext.Default.Certificate, (w, c) =>
        {
            CertificateView.One(w, c, context.Time);
            if (c.NotAfter < context.Time.GetUtcNow())
            {
                context.Error.WriteLine($"warning: certificate '{c.Name}' expired on {Output.Display.Time(c.NotAfter, context.Time)}.");
            }
        });
        return ExitCodes.Ok;
    }

    private async Task<string?> PasswordAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var password = result.GetValue(_password);
        if (!result.GetValue(_passwordStdin))
        {
            return password;
        }

        if (password is not null)
        {
            throw CliException.Usage("Give the password with --password or --password-stdin, not both.");
        }

        var line = await Console.In.ReadLineAsync(cancellationToken);
        return line ?? throw CliException.Usage("--password-stdin: stdin is empty; pipe the password in, e.g. `printf '%s\\n' \"$PASS\" | octolite certificate import …`.");
    }
}
