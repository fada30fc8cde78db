using OctoLite.Hosting;
using OctoLite.Tentacle.Agent;

namespace OctoLite.Cli.Tentacle;

/// <summary>An instance's certificate as the verbs use it: its thumbprint (created on first use), or a new one.</summary>
internal static class TentacleInstanceCertificate
{
    public static string Thumbprint(TentacleInstanceConfig config)
    {
        using var certificate = new TentacleHome(config.HomeDirectory).LoadOrCreateCertificate(config.Name);
        return certificate.Thumbprint;
    }

    /// <summary>Replaces the instance's certificate with a new one; returns its thumbprint.</summary>
    public static string Replace(TentacleInstanceConfig config)
    {
        var home = new TentacleHome(config.HomeDirectory);
        using var certificate = SelfSignedCertificates.Create(TentacleHome.CommonName(config.Name));
        SelfSignedCertificates.Save(certificate, home.CertificateFile);
        return certificate.Thumbprint;
    }
}
