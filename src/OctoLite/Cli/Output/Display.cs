using System.Globalization;

namespace OctoLite.Cli.Output;

/// <summary>How values look in tables.</summary>
internal static class Display
{
    public static string YesNo(bool value) => value ? "yes" : "no";

    public static string Mark(bool value) => value ? "*" : "";

    public static string Duration(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset value) => value.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
