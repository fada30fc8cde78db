using OctoLite.Domain;
using OctoLite.Server.Audit;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Certificates;

/// <summary>
/// The certificate library: imports PFX or PEM files, keeps the certificate and its private key as PEM encrypted at
/// rest, and hands them decrypted only to running tasks (<see cref="ForExecution"/>). Names are unique; importing
/// under a name in use is a 409 unless <c>replace</c> is asked for, which keeps the id. Expired certificates are
/// accepted (the audit event says so). Everything outside the server sees <see cref="Certificate.Pem"/> empty.
/// </summary>
internal sealed class CertificateService(OctoStore store, AuditTrail audit, SecretProtector secrets, TimeProvider time)
{
    public const string DocumentType = "Certificate";
    /// <summary>Largest accepted upload; certificate files are a few KB, chains a few tens.</summary>
    public const int MaxDataBytes = 512 * 1024;
    private static readonly StorageJsonContext Json = StorageJsonContext.Default;

    public IReadOnlyList<Certificate> List() =>
        store.Read(s => s.Certificates.All()).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Select(Blank).ToList();

    public Result<Certificate> Find(string idOrName) => store.Read(s => Find(s, idOrName)).Map(Blank);

    /// <summary>Reads <paramref name="data"/> (PFX/PKCS#12, DER or PEM) and stores it as <paramref name="name"/>; nothing is stored when it fails.</summary>
    public Result<Certificate> Import(string name, byte[] data, string? password, Actor who, bool replace = false)
    {
        var validName = Names.Validate(name);
        if (!validName.IsSuccess)
        {
            return validName.Problem;
        }

        if (data.Length > MaxDataBytes)
        {
            return Problem.Invalid(CertificateReader.DataField, $"{CertificateReader.DataField} is {data.Length} bytes; a certificate file may be at most {MaxDataBytes}.");
        }

        var read = CertificateReader.Read(data, password);
        if (!read.IsSuccess)
        {
            return read.Problem;
        }

        using var loaded = read.Value;
        var x509 = loaded.Certificate;
        var imported = new Certificate
        {
            Name = validName.Value,
            Thumbprint = x509.Thumbprint.ToUpperInvariant(),
            Subject = x509.Subject,
            Issuer = x509.Issuer,
            NotBefore = new DateTimeOffset(x509.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            NotAfter = new DateTimeOffset(x509.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            HasPrivateKey = loaded.PrivateKeyPem is not null,
            Pem = secrets.Protect(loaded.CertificatePem + loaded.PrivateKeyPem),
        };

        return store.Write<Result<Certificate>>(s =>
        {
            var existing = s.Certificates.All().FirstOrDefault(c => Names.Same(c.Name, imported.Name));
            if (existing is not null && !replace)
            {
                return Problem.Conflict(
                    $"A certificate named '{existing.Name}' already exists ({existing.Id}, thumbprint {existing.Thumbprint}). Delete it first, or import with replace (--replace; \"Replace\": true in the API).",
                    "Name");
            }

            var certificate = imported with { Id = existing?.Id ?? s.NextId("Certificates") };
            var note = Validity(certificate);
            if (existing is null)
            {
                s.Certificates.Insert(certificate);
                audit.Record(s, who, "Created", DocumentType, certificate.Id, $"Certificate '{certificate.Name}' imported{note}",
                    ChangeSummary.Snapshot(certificate, Json.Certificate, nameof(Certificate.Pem)));
            }
            else
            {
                s.Certificates.Update(certificate);
                audit.Record(s, who, "Modified", DocumentType, certificate.Id, $"Certificate '{certificate.Name}' replaced{note}",
                    ChangeSummary.Describe(Blank(existing), Blank(certificate), Json.Certificate));
            }

            return Blank(certificate);
        });
    }

    public Result<Certificate> Delete(string idOrName, Actor who) => store.Write<Result<Certificate>>(s =>
    {
        var found = Find(s, idOrName);
        if (!found.IsSuccess)
        {
            return found.Problem;
        }

        var certificate = found.Value;
        s.Certificates.Delete(certificate.Id);
        audit.Record(s, who, "Deleted", DocumentType, certificate.Id, $"Certificate '{certificate.Name}' deleted",
            ChangeSummary.Snapshot(certificate, Json.Certificate, nameof(Certificate.Pem)));
        return Blank(certificate);
    });

    /// <summary>The certificate with its key material decrypted, for a running task to expose as variables. Never for the API.</summary>
    internal Result<CertificateMaterial> ForExecution(string idOrName)
    {
        var found = store.Read(s => Find(s, idOrName));
        if (!found.IsSuccess)
        {
            return found.Problem;
        }

        var certificate = found.Value;
        var pem = secrets.Unprotect(certificate.Pem);
        var keyStart = pem.IndexOf("-----BEGIN PRIVATE KEY-----", StringComparison.Ordinal);
        return new CertificateMaterial
        {
            Id = certificate.Id,
            Name = certificate.Name,
            Thumbprint = certificate.Thumbprint,
            Subject = certificate.Subject,
            Issuer = certificate.Issuer,
            NotBefore = certificate.NotBefore,
            NotAfter = certificate.NotAfter,
            CertificatePem = keyStart < 0 ? pem : pem[..keyStart],
            PrivateKeyPem = keyStart < 0 ? null : pem[keyStart..],
        };
    }

    internal static Result<Certificate> Find(StoreSession s, string idOrName) =>
        Lookup.ByIdOrName(s.Certificates.All(), idOrName, c => c.Id, c => c.Name) is { } certificate
            ? certificate
            : Problem.NotFound("certificate", idOrName);

    private static Certificate Blank(Certificate certificate) => certificate with { Pem = "" };

    private string Validity(Certificate certificate)
    {
        var now = time.GetUtcNow();
        return certificate.NotAfter < now ? $" (expired on {certificate.NotAfter:yyyy-MM-dd})"
            : certificate.NotBefore > now ? $" (not valid before {certificate.NotBefore:yyyy-MM-dd})"
            : "";
    }
}
