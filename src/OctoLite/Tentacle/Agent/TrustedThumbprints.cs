using OctoLite.Hosting;

namespace OctoLite.Tentacle.Agent;

/// <summary>
/// The server thumbprints the agent accepts, checked on every TLS handshake. When the instance's
/// <c>tentacle.json</c> changes (<c>octolite tentacle configure --trust</c>), the list is re-read on the next
/// handshake, so trusting or distrusting a server needs no restart. Thread-safe.
/// </summary>
internal sealed class TrustedThumbprints(TentacleInstanceConfig config, ILogger logger)
{
    private readonly Lock _gate = new();
    private HashSet<string> _trusted = Normalize(config.TrustedThumbprints);
    private DateTime _loadedWriteTime = WriteTime(config);

    public bool IsTrusted(string thumbprint)
    {
        lock (_gate)
        {
            ReloadIfChanged();
            return _trusted.Contains(SelfSignedCertificates.Normalize(thumbprint));
        }
    }

    private void ReloadIfChanged()
    {
        var home = new TentacleHome(config.HomeDirectory);
        var writeTime = WriteTime(config);
        if (writeTime == _loadedWriteTime || !File.Exists(home.ConfigFile))
        {
            return;
        }

        _loadedWriteTime = writeTime;
        try
        {
            _trusted = Normalize(TentacleConfigFile.Load(home).TrustedThumbprints);
            TentacleLog.TrustReloaded(logger, home.ConfigFile, _trusted.Count);
        }
        catch (TentacleConfigException e)
        {
            TentacleLog.TrustReloadFailed(logger, home.ConfigFile, e.Message);
        }
    }

    private static DateTime WriteTime(TentacleInstanceConfig config) =>
        File.GetLastWriteTimeUtc(new TentacleHome(config.HomeDirectory).ConfigFile);

    private static HashSet<string> Normalize(IEnumerable<string> thumbprints) =>
        thumbprints.Where(SelfSignedCertificates.IsThumbprint).Select(SelfSignedCertificates.Normalize).ToHashSet(StringComparer.Ordinal);
}
