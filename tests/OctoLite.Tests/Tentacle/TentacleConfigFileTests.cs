using OctoLite.Tentacle.Agent;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Tentacle;

public sealed class TentacleConfigFileTests
{
    [Fact]
    public void Load_FileMissingSettings_GetsTheDocumentedDefaults()
    {
        using var temp = new TempDirectory();
        var home = new TentacleHome(temp.Path);
        File.WriteAllText(home.ConfigFile, """{ "Name": "Edited" }""");

        var config = TentacleConfigFile.Load(home);

        Assert.Equal("Edited", config.Name);
        Assert.Equal(10933, config.ListenPort);
        Assert.Equal("0.0.0.0", config.ListenAddress);
        Assert.Empty(config.TrustedThumbprints);
        Assert.Equal(TimeSpan.FromDays(7), config.WorkspaceRetention);
        Assert.Equal("TentaclePassive", config.CommsStyle);
        Assert.Equal(temp.Path, config.HomeDirectory);
    }

    [Fact]
    public void Load_UnknownSetting_IsRefusedNamingTheFile()
    {
        using var temp = new TempDirectory();
        var home = new TentacleHome(temp.Path);
        File.WriteAllText(home.ConfigFile, """{ "ListenPrt": 1 }""");

        var e = Assert.Throws<TentacleConfigException>(() => TentacleConfigFile.Load(home));

        Assert.Contains(home.ConfigFile, e.Message, StringComparison.Ordinal);
        Assert.Contains("ListenPrt", e.Message, StringComparison.Ordinal);
    }
}
