using OctoLite.Hosting;

namespace OctoLite.Tentacle.Agent;

/// <summary>Creating instances and finding one by name or home: what the <c>octolite tentacle</c> verbs start from.</summary>
internal sealed class TentacleInstances(EnvironmentVariables environment)
{
    public TentacleInstanceRegistry Registry { get; } = new(environment);

    /// <summary>
    /// Creates instance <paramref name="name"/> in <paramref name="homeOption"/> (else its default home): the home
    /// folder, <c>tentacle.json</c> with default settings and a new certificate; then registers it.
    /// </summary>
    /// <exception cref="TentacleConfigException">Bad name, name taken, or the home already holds an instance.</exception>
    public TentacleInstanceConfig Create(string name, string? homeOption)
    {
        ValidateName(name);
        if (Registry.Find(name) is { } existing)
        {
            throw new TentacleConfigException($"An instance named '{existing.Name}' already exists (home {existing.Home}).");
        }

        var home = new TentacleHome(Path.GetFullPath(homeOption ?? Registry.DefaultHome(name)));
        if (File.Exists(home.ConfigFile))
        {
            throw new TentacleConfigException($"{home.Directory} already holds a tentacle instance ({home.ConfigFile} exists); choose another --home.");
        }

        var config = new TentacleInstanceConfig { Name = name, HomeDirectory = home.Directory };
        home.EnsureCreated();
        using (home.LoadOrCreateCertificate(name))
        {
            TentacleConfigFile.Save(config);
        }

        Registry.Add(new TentacleInstanceEntry(name, home.Directory));
        return config;
    }

    /// <summary>
    /// The instance a verb acts on: the one in <paramref name="homeOption"/> when given, else the registered
    /// instance <paramref name="nameOption"/> (default "Tentacle").
    /// </summary>
    /// <exception cref="TentacleConfigException">No such instance, or its settings cannot be read.</exception>
    public TentacleInstanceConfig Load(string? nameOption, string? homeOption)
    {
        if (homeOption is not null)
        {
            return TentacleConfigFile.Load(new TentacleHome(Path.GetFullPath(homeOption)));
        }

        var name = nameOption ?? TentacleInstanceConfig.DefaultName;
        var entry = Registry.Find(name);
        if (entry is null)
        {
            var known = Registry.List();
            throw new TentacleConfigException(known.Count == 0
                ? $"There is no tentacle instance named '{name}': none exists yet. Create one with `octolite tentacle create-instance --instance {name}`."
                : $"There is no tentacle instance named '{name}'. Instances: {string.Join(", ", known.Select(i => i.Name))}.");
        }

        return TentacleConfigFile.Load(new TentacleHome(entry.Home));
    }

    /// <exception cref="TentacleConfigException">The name is empty, too long, or holds a character outside letters, digits, '.', '-', '_'.</exception>
    public static void ValidateName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64 || name.All(c => c == '.') ||
            !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            throw new TentacleConfigException($"--instance must be 1 to 64 letters, digits, '.', '-' or '_' (got '{name}').");
        }
    }
}
