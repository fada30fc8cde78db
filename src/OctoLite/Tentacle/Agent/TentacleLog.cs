namespace OctoLite.Tentacle.Agent;

/// <summary>The agent's log messages that are not a single class's own.</summary>
internal static partial class TentacleLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Tentacle {Instance} ({Thumbprint}) {Address}; trusting {TrustedCount} server thumbprint(s)")]
    public static partial void Started(ILogger logger, string instance, string thumbprint, string address, int trustedCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a connection from {Remote}: its certificate {Thumbprint} ({Subject}) is not trusted by this tentacle. Trust it with `octolite tentacle configure --trust <thumbprint>` if it is your server's.")]
    public static partial void UntrustedClient(ILogger logger, string remote, string thumbprint, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a connection from {Remote}: it presented no client certificate")]
    public static partial void NoClientCertificate(ILogger logger, string remote);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trusted server thumbprints reloaded from {File}: {TrustedCount}")]
    public static partial void TrustReloaded(ILogger logger, string file, int trustedCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reload trusted thumbprints from {File}; keeping the previous list: {Reason}")]
    public static partial void TrustReloadFailed(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path}: {Detail}")]
    public static partial void Refused(ILogger logger, string method, string path, string detail);
}
