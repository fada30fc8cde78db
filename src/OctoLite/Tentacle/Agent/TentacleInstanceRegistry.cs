using System.Text.Json;
using OctoLite.Hosting;

namespace OctoLite.Tentacle.Agent;

/// <summary>
/// Which tentacle instances exist and where their homes are: <c>instances.json</c> in
/// <c>$OCTOLITE_TENTACLE_CONFIG_DIR</c>, else <c>$XDG_CONFIG_HOME/octolite-tentacle</c>, else
/// <c>~/.config/octolite-tentacle</c>. A new instance's home defaults to
/// <c>$XDG_DATA_HOME/octolite-tentacle/&lt;name&gt;</c>, else <c>~/.local/share/octolite-tentacle/&lt;name&gt;</c>.
/// </summary>
internal sealed class TentacleInstanceRegistry(EnvironmentVariables environment)
{
    /// <summary>Overrides where the registry lives (tests isolate themselves with it).</summary>
    public const string ConfigDirVariable = "OCTOLITE_TENTACLE_CONFIG_DIR";

    private const string Folder = "octolite-tentacle";

    public string ConfigDirectory => Path.GetFullPath(
        environment.Get(ConfigDirVariable)
        ?? (environment.Get("XDG_CONFIG_HOME") is { } xdg ? Path.Combine(xdg, Folder) : null)
        ?? Path.Combine(UserHome, ".config", Folder));

    public string RegistryFile => Path.Combine(ConfigDirectory, "instances.json");

    public string DefaultHome(string name) => Path.GetFullPath(Path.Combine(
        environment.XdgDataHome is { } xdg ? Path.Combine(xdg, Folder) : Path.Combine(UserHome, ".local", "share", Folder), name));

    private string UserHome => environment.Home ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>Every registered instance, in the order they were created.</summary>
    /// <exception cref="TentacleConfigException">The registry file is unreadable or not valid.</exception>
    public IReadOnlyList<TentacleInstanceEntry> List()
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(RegistryFile);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TentacleConfigException($"Cannot read {RegistryFile}: {e.Message}");
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, TentacleConfigJsonContext.Default.TentacleInstanceRegistryFile)?.Instances ?? [];
        }
        catch (JsonException e)
        {
            throw new TentacleConfigException($"{RegistryFile} is not a valid instance list: {e.Message}");
        }
    }

    /// <summary>The instance named <paramref name="name"/> (ignoring case), or null.</summary>
    public TentacleInstanceEntry? Find(string name) =>
        List().FirstOrDefault(i => i.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds <paramref name="entry"/>.</summary>
    /// <exception cref="TentacleConfigException">An instance of that name, or with that home, is already registered.</exception>
    public void Add(TentacleInstanceEntry entry)
    {
        var instances = List();
        if (instances.FirstOrDefault(i => i.Name.Equals(entry.Name, StringComparison.OrdinalIgnoreCase)) is { } same)
        {
            throw new TentacleConfigException($"An instance named '{same.Name}' already exists (home {same.Home}).");
        }

        if (instances.FirstOrDefault(i => i.Home == entry.Home) is { } sameHome)
        {
            throw new TentacleConfigException($"{entry.Home} is already the home of instance '{sameHome.Name}'.");
        }

        Write([.. instances, entry]);
    }

    private void Write(IReadOnlyList<TentacleInstanceEntry> instances)
    {
        TentacleHome.CreatePrivate(ConfigDirectory);
        AtomicFile.Write(RegistryFile, JsonSerializer.SerializeToUtf8Bytes(
            new TentacleInstanceRegistryFile { Instances = instances }, TentacleConfigJsonContext.Default.TentacleInstanceRegistryFile));
    }
}
