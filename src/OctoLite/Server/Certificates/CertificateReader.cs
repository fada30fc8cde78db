using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OctoLite.Server.Certificates;

/// <summary>
/// Reads an uploaded certificate: PFX/PKCS#12 (with or without a password), a DER certificate, or PEM text holding a
/// certificate and optionally its private key (PKCS#8, encrypted PKCS#8, PKCS#1 RSA or SEC1 EC). Every failure is a
/// 400 naming what was wrong; nothing here touches the store.
/// </summary>
internal static class CertificateReader
{
    public const string DataField = "CertificateData";
    public const string PasswordField = "Password";
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";

    public static Result<LoadedCertificate> Read(byte[] data, string? password)
    {
        if (data.Length == 0)
        {
            return Problem.Invalid(DataField, $"{DataField} is empty: give a PFX/PKCS#12 file or PEM text.");
        }

        var text = Encoding.UTF8.GetString(data);
        if (text.Contains("-----BEGIN ", StringComparison.Ordinal))
        {
            return ReadPem(text, password);
        }

        X509ContentType type;
        try
        {
            type = X509Certificate2.GetCertContentType(data);
        }
        catch (CryptographicException)
        {
            type = X509ContentType.Unknown;
        }

        return type switch
        {
            X509ContentType.Pkcs12 => ReadPkcs12(data, password),
            X509ContentType.Cert => ReadDer(data),
            _ => Problem.Invalid(DataField, $"{DataField} is not a certificate: expected a PFX/PKCS#12 file, a DER certificate or PEM text (-----BEGIN CERTIFICATE-----)."),
        };
    }

    /// <summary>
    /// The bytes of a certificate given as text (an import-certificate step's field): PEM text as it is, anything
    /// else read as base64 of a PFX or PEM file.
    /// </summary>
    public static Result<byte[]> DecodeText(string text, string field)
    {
        if (text.Contains("-----BEGIN ", StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(text);
        }

        try
        {
            var bytes = Convert.FromBase64String(text.Trim());
            return bytes.Length > 0 ? bytes : Problem.Invalid(field, $"{field} is empty: give PEM text, or a PFX or PEM file as base64.");
        }
        catch (FormatException)
        {
            return Problem.Invalid(field, $"{field} must be PEM text (-----BEGIN CERTIFICATE-----), or a PFX or PEM file as base64; it is neither.");
        }
    }

    private static Result<LoadedCertificate> ReadPkcs12(byte[] data, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12(data, password, X509KeyStorageFlags.Exportable);
        }
        catch (CryptographicException)
        {
            return string.IsNullOrEmpty(password)
                ? Problem.Invalid(PasswordField, "The PFX file is protected by a password: give it as Password (--password or --password-stdin).")
                : Problem.Invalid(PasswordField, "The password does not open this PFX file (or the file is damaged).");
        }

        try
        {
            return Loaded(certificate, certificate.HasPrivateKey ? ExportKey(certificate) : null);
        }
        catch (CryptographicException e)
        {
            certificate.Dispose();
            return Problem.Invalid(DataField, $"The private key in the PFX file cannot be used: {e.Message}");
        }
    }

    private static Result<LoadedCertificate> ReadDer(byte[] data)
    {
        try
        {
            return Loaded(X509CertificateLoader.LoadCertificate(data), null);
        }
        catch (CryptographicException e)
        {
            return Problem.Invalid(DataField, $"{DataField} looks like a DER certificate but cannot be read: {e.Message}");
        }
    }

    private static Result<LoadedCertificate> ReadPem(string text, string? password)
    {
        if (text.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal))
        {
            return Problem.Invalid(DataField,
                "The private key is encrypted in the legacy OpenSSL format (Proc-Type: 4,ENCRYPTED), which is not supported: convert it to encrypted PKCS#8 with `openssl pkcs8 -topk8 -in key.pem -out key8.pem`.");
        }

        var certificates = new List<byte[]>();
        (string Label, byte[] Der)? key = null;
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var label = rest[fields.Label].ToString();
            var der = Convert.FromBase64String(rest[fields.Base64Data].ToString());
            switch (label)
            {
                case "CERTIFICATE":
                    certificates.Add(der);
                    break;
                case "PRIVATE KEY" or "ENCRYPTED PRIVATE KEY" or "RSA PRIVATE KEY" or "EC PRIVATE KEY":
                    if (key is not null)
                    {
                        return Problem.Invalid(DataField, $"{DataField} holds more than one private key; give one certificate with its own key.");
                    }

                    key = (label, der);
                    break;
            }

            rest = rest[fields.Location.End..];
        }

        if (certificates.Count == 0)
        {
            return Problem.Invalid(DataField, $"{DataField} holds no certificate: the PEM text needs a -----BEGIN CERTIFICATE----- block.");
        }

        var loaded = new List<X509Certificate2>();
        try
        {
            foreach (var der in certificates)
            {
                loaded.Add(X509CertificateLoader.LoadCertificate(der));
            }
        }
        catch (CryptographicException e)
        {
            loaded.ForEach(c => c.Dispose());
            return Problem.Invalid(DataField, $"A certificate in the PEM text cannot be read: {e.Message}");
        }

        if (key is null)
        {
            loaded.Skip(1).ToList().ForEach(c => c.Dispose());
            return Loaded(loaded[0], null);
        }

        var matched = MatchKey(loaded, key.Value.Label, key.Value.Der, password);
        loaded.ForEach(c => c.Dispose());
        return matched;
    }

    /// <summary>The certificate (of a chain in any order) that the key belongs to, joined with it.</summary>
    private static Result<LoadedCertificate> MatchKey(List<X509Certificate2> certificates, string label, byte[] der, string? password)
    {
        Problem? firstProblem = null;
        foreach (var certificate in certificates)
        {
            var joined = Join(certificate, label, der, password);
            if (joined.IsSuccess)
            {
                return joined;
            }

            firstProblem ??= joined.Problem;
            if (joined.Problem.Field == PasswordField)
            {
                return joined.Problem;
            }
        }

        return firstProblem!;
    }

    private static Result<LoadedCertificate> Join(X509Certificate2 certificate, string label, byte[] der, string? password)
    {
        var algorithm = certificate.GetKeyAlgorithm();
        if (algorithm is not (RsaOid or EcOid))
        {
            return Problem.Invalid(DataField, $"The certificate's key algorithm ({algorithm}) is not supported; OctoLite reads RSA and EC keys.");
        }

        if ((label == "RSA PRIVATE KEY" && algorithm != RsaOid) || (label == "EC PRIVATE KEY" && algorithm != EcOid))
        {
            return Mismatch();
        }

        if (label == "ENCRYPTED PRIVATE KEY" && string.IsNullOrEmpty(password))
        {
            return Problem.Invalid(PasswordField, "The private key is encrypted: give its password as Password (--password or --password-stdin).");
        }

        AsymmetricAlgorithm key = algorithm == RsaOid ? RSA.Create() : ECDsa.Create();
        try
        {
            try
            {
                switch (label)
                {
                    case "ENCRYPTED PRIVATE KEY":
                        key.ImportEncryptedPkcs8PrivateKey(password, der, out _);
                        break;
                    case "RSA PRIVATE KEY":
                        ((RSA)key).ImportRSAPrivateKey(der, out _);
                        break;
                    case "EC PRIVATE KEY":
                        ((ECDsa)key).ImportECPrivateKey(der, out _);
                        break;
                    default:
                        key.ImportPkcs8PrivateKey(der, out _);
                        break;
                }
            }
            catch (CryptographicException e)
            {
                return label == "ENCRYPTED PRIVATE KEY"
                    ? Problem.Invalid(PasswordField, "The password does not decrypt the private key (or the key is damaged).")
                    : KeyOfOtherKindOr(e);
            }

            X509Certificate2 withKey;
            try
            {
                withKey = key is RSA rsa ? certificate.CopyWithPrivateKey(rsa) : certificate.CopyWithPrivateKey((ECDsa)key);
            }
            catch (ArgumentException)
            {
                return Mismatch();
            }

            return Loaded(withKey, PemEncoding.WriteString("PRIVATE KEY", key.ExportPkcs8PrivateKey()));
        }
        finally
        {
            key.Dispose();
        }

        Problem KeyOfOtherKindOr(CryptographicException e) => label == "PRIVATE KEY"
            ? Problem.Invalid(DataField, $"The private key does not belong to the certificate: the certificate has an {(algorithm == RsaOid ? "RSA" : "EC")} public key, and the private key is not one ({e.Message.TrimEnd('.')}).")
            : Problem.Invalid(DataField, $"The private key cannot be read: {e.Message}");
    }

    private static Problem Mismatch() =>
        Problem.Invalid(DataField, "The private key does not belong to the certificate: its public key is different. Give the key that was issued with this certificate.");

    private static LoadedCertificate Loaded(X509Certificate2 certificate, string? privateKeyPem) =>
        new(certificate, PemEncoding.WriteString("CERTIFICATE", certificate.RawData) + "\n", privateKeyPem is null ? null : privateKeyPem + "\n");

    private static string ExportKey(X509Certificate2 certificate)
    {
        using AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey()
            ?? throw new CryptographicException($"its key algorithm ({certificate.GetKeyAlgorithm()}) is not supported; OctoLite reads RSA and EC keys.");
        return PemEncoding.WriteString("PRIVATE KEY", key.ExportPkcs8PrivateKey());
    }
}
