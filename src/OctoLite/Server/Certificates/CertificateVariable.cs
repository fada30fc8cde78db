namespace OctoLite.Server.Certificates;

/// <summary>One variable a certificate exposes to steps, e.g. <c>SiteCert.Thumbprint</c>; key material is sensitive.</summary>
internal sealed record CertificateVariable(string Name, string Value, bool IsSensitive);
