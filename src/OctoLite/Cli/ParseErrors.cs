using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace OctoLite.Cli;

/// <summary>
/// Words parse errors for people: a value that does not convert to its option's type is described by the format
/// expected (<c>--timeout expects a duration such as 00:30:00; got 'abc'</c>), never by a .NET type name.
/// </summary>
internal static partial class ParseErrors
{
    public static string Describe(ParseError error)
    {
        var match = CannotParse().Match(error.Message);
        if (!match.Success)
        {
            return error.Message;
        }

        var type = error.SymbolResult switch
        {
            OptionResult option => option.Option.ValueType,
            ArgumentResult argument => argument.Argument.ValueType,
            _ => null,
        };
        var expected = (type is null ? null : Nullable.GetUnderlyingType(type) ?? type) switch
        {
            { } t when t == typeof(TimeSpan) => "a duration such as 00:30:00 (hh:mm:ss) or 1.00:00:00 (d.hh:mm:ss)",
            { } t when t == typeof(int) || t == typeof(long) => "a whole number",
            { } t when t == typeof(double) => "a number",
            { } t when t == typeof(bool) => "true or false",
            _ => null,
        };
        return expected is null ? error.Message : $"{match.Groups["symbol"].Value} expects {expected}; got '{match.Groups["value"].Value}'.";
    }

    [GeneratedRegex("^Cannot parse argument '(?<value>.*)' for (?:option|argument) '(?<symbol>[^']*)'")]
    private static partial Regex CannotParse();
}
