using OctoLite.Cli.Output;
using OctoLite.Domain;

namespace OctoLite.Cli.Certificates;

/// <summary>How certificates look in tables; expired ones are marked.</summary>
internal static class CertificateView
{
    public static void List(TextWriter writer, IReadOnlyList<Certificate> certificates, TimeProvider time)
    {
        var table = new Table("ID", "NAME", "THUMBPRINT", "SUBJECT", "EXPIRES", "KEY");
        foreach (var certificate in certificates)
        {
            table.Add(certificate.Id, certificate.Name, certificate.Thumbprint, certificate.Subject, Expiry(certificate, time), Display.YesNo(certificate.HasPrivateKey));
        }

        table.WriteTo(writer);
    }

    public static void One(TextWriter writer, Certificate certificate, TimeProvider time) => Table.WriteFields(writer,
    [
        ("Id", certificate.Id),
        ("Name", certificate.Name),
        ("Thumbprint", certificate.Thumbprint),
        ("Subject", certificate.Subject),
        ("Issuer", certificate.Issuer),
        ("Not before", Display.Time(certificate.NotBefore, time)),
        ("Not after", Expiry(certificate, time)),
        ("Private key", Display.YesNo(certificate.HasPrivateKey)),
    ]);

    private static string Expiry(Certificate certificate, TimeProvider time) =>
        Display.Time(certificate.NotAfter, time) + (certificate.NotAfter < time.GetUtcNow() ? " (expired)" : "");
}
