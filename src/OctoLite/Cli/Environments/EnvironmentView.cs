using System.Globalization;
using OctoLite.Cli.Output;
using OctoLite.Domain;

namespace OctoLite.Cli.Environments;

/// <summary>How environments look in tables.</summary>
internal static class EnvironmentView
{
    public static void List(TextWriter writer, IReadOnlyList<DeploymentEnvironment> environments)
    {
        var table = new Table("ORDER", "ID", "NAME", "DESCRIPTION");
        foreach (var environment in environments)
        {
            table.Add(environment.SortOrder.ToString(CultureInfo.InvariantCulture), environment.Id, environment.Name, environment.Description);
        }

        table.WriteTo(writer);
    }

    public static void One(TextWriter writer, DeploymentEnvironment environment) => One(writer, environment, null);

    public static void One(TextWriter writer, DeploymentEnvironment environment, IReadOnlyList<DeploymentTarget>? targets)
    {
        var fields = new List<(string, string?)>
        {
            ("Id", environment.Id),
            ("Name", environment.Name),
            ("Sort order", environment.SortOrder.ToString(CultureInfo.InvariantCulture)),
            ("Description", environment.Description),
        };
        if (targets is not null)
        {
            fields.Add(("Targets", targets.Count == 0 ? "(none)" : string.Join(", ", targets.Select(t => $"{t.Name} ({t.Id})"))));
        }

        Table.WriteFields(writer, fields);
    }
}
