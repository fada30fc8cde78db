using System.Text;

namespace OctoLite.Scripting.Variables;

/// <summary>
/// The state of one <see cref="VariableSubstitution.Substitute"/> call: what was reported so far, the chain of
/// variables being expanded (to stop recursive definitions) and the values already expanded (so that values
/// referring to each other many times are expanded once each).
/// </summary>
internal sealed class TemplateExpander(ScriptVariableSet variables)
{
    private static readonly string[] Keywords = ["if", "unless", "elseif", "else", "each", "calc"];

    private readonly List<string> _unknown = [];
    private readonly List<ScriptVariable> _sensitive = [];
    private readonly List<string> _unsupported = [];
    private readonly HashSet<string> _reported = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _expanding = [];
    private readonly Dictionary<string, string> _expanded = new(StringComparer.OrdinalIgnoreCase);
    private int _cyclesSeen;

    /// <summary>Expands <paramref name="template"/> and collects what was reported.</summary>
    public SubstitutionResult Run(string template) => new(Expand(template), _unknown, _sensitive, _unsupported);

    private string Expand(string template)
    {
        if (!template.Contains('#'))
            return template;

        var output = new StringBuilder(template.Length);
        var position = 0;
        while (position < template.Length)
        {
            var hash = template.IndexOf('#', position);
            if (hash < 0)
            {
                output.Append(template, position, template.Length - position);
                break;
            }
            output.Append(template, position, hash - position);
            if (template.AsSpan(hash).StartsWith("##{"))
            {
                output.Append("#{");
                position = hash + 3;
                continue;
            }
            var close = template.AsSpan(hash).StartsWith("#{") ? MatchingBrace(template, hash + 2) : -1;
            if (close < 0)
            {
                output.Append('#');
                position = hash + 1;
                continue;
            }
            output.Append(Resolve(template[hash..(close + 1)], template[(hash + 2)..close].Trim()));
            position = close + 1;
        }
        return output.ToString();
    }

    private string Resolve(string expression, string name)
    {
        if (IsUnsupported(name))
            return Unsupported(expression);
        if (!variables.TryGet(name, out var variable))
        {
            Report(_unknown, "unknown:", name);
            return expression;
        }
        if (_expanding.Contains(variable.Name, StringComparer.OrdinalIgnoreCase) || _expanding.Count >= VariableSubstitution.MaxDepth)
        {
            _cyclesSeen++;
            return Unsupported(expression);
        }

        if (!_expanded.TryGetValue(variable.Name, out var value))
        {
            var cyclesBefore = _cyclesSeen;
            _expanding.Add(variable.Name);
            value = Expand(variable.Value);
            _expanding.RemoveAt(_expanding.Count - 1);
            // A value cut short by a recursive definition depends on where the expansion started: don't reuse it.
            if (cyclesBefore == _cyclesSeen)
                _expanded[variable.Name] = value;
        }
        if (variable.IsSensitive && _reported.Add("sensitive:" + variable.Name))
            _sensitive.Add(variable with { Value = value });
        return value;
    }

    private string Unsupported(string expression)
    {
        Report(_unsupported, "unsupported:", expression);
        return expression;
    }

    private void Report(List<string> list, string kind, string item)
    {
        if (_reported.Add(kind + item))
            list.Add(item);
    }

    private static bool IsUnsupported(string name)
    {
        if (name.Length == 0 || name[0] == '/' || name.AsSpan().IndexOfAny('{', '}', '|') >= 0)
            return true;
        var firstWord = name.AsSpan();
        var space = firstWord.IndexOfAny(' ', '\t');
        if (space >= 0)
            firstWord = firstWord[..space];
        foreach (var keyword in Keywords)
        {
            if (firstWord.Equals(keyword, StringComparison.Ordinal) && (space >= 0 || keyword == "else"))
                return true;
        }
        return false;
    }

    // The index of the '}' closing the expression whose content starts at `start`, counting nested braces; -1 if none.
    private static int MatchingBrace(string template, int start)
    {
        var depth = 1;
        for (var i = start; i < template.Length; i++)
        {
            if (template[i] == '{')
                depth++;
            else if (template[i] == '}' && --depth == 0)
                return i;
        }
        return -1;
    }
}
