using System.Security.Cryptography.X509Certificates;
using OctoLite.Hosting;

namespace OctoLite.Tentacle.Agent;

/// <summary>
/// The layout of an instance's home directory: <c>tentacle.json</c> (its settings), <c>tentacle.pfx</c> (its
/// certificate, owner-only), <c>work/&lt;ticket&gt;/</c> (a script's workspace) and <c>journal/&lt;ticket&gt;/</c>
/// (its events and status). Everything is created owner-only (0700 folders, 0600 files).
/// </summary>
internal sealed record TentacleHome(string Directory)
{
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public string ConfigFile => Path.Combine(Directory, "tentacle.json");
    public string CertificateFile => Path.Combine(Directory, "tentacle.pfx");
    public string WorkFolder => Path.Combine(Directory, "work");
    public string JournalFolder => Path.Combine(Directory, "journal");

    /// <summary>The workspace of <paramref name="ticket"/> (already validated).</summary>
    public string Workspace(string ticket) => Path.Combine(WorkFolder, ticket);

    /// <summary>The journal folder of <paramref name="ticket"/> (already validated).</summary>
    public string Journal(string ticket) => Path.Combine(JournalFolder, ticket);

    public void EnsureCreated()
    {
        CreatePrivate(Directory);
        CreatePrivate(WorkFolder);
        CreatePrivate(JournalFolder);
    }

    /// <summary>The instance certificate, created (CN = the instance name) when there is none yet.</summary>
    public X509Certificate2 LoadOrCreateCertificate(string instanceName)
    {
        CreatePrivate(Directory);
        return SelfSignedCertificates.LoadOrCreate(CertificateFile, CommonName(instanceName));
    }

    /// <summary>The subject common name of an instance's certificate.</summary>
    public static string CommonName(string instanceName) => $"Octopus Tentacle {instanceName}";

    public static void CreatePrivate(string folder)
    {
        if (!System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }
    }
}
