using OctoLite.Cli.Output;
using OctoLite.Domain;

namespace OctoLite.Cli.Config;

internal static class ConfigView
{
    public static void All(TextWriter writer, ServerConfiguration configuration)
    {
        var table = new Table("KEY", "VALUE", "MEANING");
        foreach (var key in ConfigKey.All)
        {
            table.Add(key.Name, key.Show(configuration), key.Help);
        }

        table.WriteTo(writer);
    }
}
