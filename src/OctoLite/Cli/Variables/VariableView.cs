using OctoLite.Cli.Client;
using OctoLite.Cli.Output;
using OctoLite.Domain;

namespace OctoLite.Cli.Variables;

/// <summary>How variables look in tables. The server never sends a sensitive value; the table marks where one is.</summary>
internal static class VariableView
{
    public const string Mask = "********";

    public static string Path(string project) => $"api/projects/{OctoLiteClient.Segment(project)}/variables";

    public static void List(TextWriter writer, IReadOnlyList<Variable> variables)
    {
        var table = new Table("NAME", "SENSITIVE", "VALUE", "SCOPE");
        foreach (var variable in variables)
        {
            table.Add(variable.Name, Display.Mark(variable.IsSensitive), variable.IsSensitive ? Mask : variable.Value, ScopeOptions.Describe(variable.Scope));
        }

        table.WriteTo(writer);
    }
}
