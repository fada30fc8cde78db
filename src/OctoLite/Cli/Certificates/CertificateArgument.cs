using System.CommandLine;

namespace OctoLite.Cli.Certificates;

internal static class CertificateArgument
{
    public static Argument<string> Create() => new("certificate") { Description = "The certificate's name or id" };
}
