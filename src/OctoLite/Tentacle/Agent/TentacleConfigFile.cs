using System.Text.Json;

namespace OctoLite.Tentacle.Agent;

/// <summary>Reads and writes an instance's <c>tentacle.json</c>, atomically and owner-only.</summary>
internal static class TentacleConfigFile
{
    /// <summary>The settings in <paramref name="home"/>, with <see cref="TentacleInstanceConfig.HomeDirectory"/> set.</summary>
    /// <exception cref="TentacleConfigException">The file is missing or not valid settings; the message names the file.</exception>
    public static TentacleInstanceConfig Load(TentacleHome home)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(home.ConfigFile);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TentacleConfigException($"{home.ConfigFile} does not exist: {home.Directory} is not a tentacle instance's home (create one with `octolite tentacle create-instance`).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TentacleConfigException($"Cannot read {home.ConfigFile}: {e.Message}");
        }

        try
        {
            var config = JsonSerializer.Deserialize(bytes, TentacleConfigJsonContext.Default.TentacleInstanceConfig)
                ?? throw new JsonException("the file holds null");
            return config with { HomeDirectory = home.Directory, TrustedThumbprints = config.TrustedThumbprints ?? [] };
        }
        catch (JsonException e)
        {
            throw new TentacleConfigException($"{home.ConfigFile} is not valid tentacle settings: {e.Message}");
        }
    }

    public static void Save(TentacleInstanceConfig config)
    {
        var home = new TentacleHome(config.HomeDirectory);
        TentacleHome.CreatePrivate(home.Directory);
        AtomicFile.Write(home.ConfigFile, JsonSerializer.SerializeToUtf8Bytes(config, TentacleConfigJsonContext.Default.TentacleInstanceConfig));
    }
}
