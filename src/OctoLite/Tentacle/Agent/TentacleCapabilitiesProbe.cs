using System.Runtime.InteropServices;
using OctoLite.Domain;
using OctoLite.Hosting;
using OctoLite.Scripting.Bootstrap;
using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent;

/// <summary>What the tentacle reports about itself: versions, OS, the shells present now, free disk under its home.</summary>
internal sealed class TentacleCapabilitiesProbe(string homeDirectory, string? searchPath)
{
    public TentacleCapabilities Probe()
    {
        var interpreters = new Interpreters(searchPath ?? Environment.GetEnvironmentVariable("PATH"));
        return new TentacleCapabilities
        {
            ProtocolVersion = TentacleProtocol.Version,
            AgentVersion = ProductInfo.Version,
            OperatingSystem = RuntimeInformation.OSDescription,
            MachineName = Environment.MachineName,
            Shells = [.. Enum.GetValues<ScriptSyntax>().Where(s => interpreters.Find(s) is not null).Select(s => s.ToString())],
            FreeDiskBytes = FreeDisk(),
        };
    }

    private long FreeDisk()
    {
        try
        {
            return new DriveInfo(Path.GetFullPath(homeDirectory)).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return -1;
        }
    }
}
