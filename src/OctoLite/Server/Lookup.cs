namespace OctoLite.Server;

/// <summary>Every verb accepts a resource's id or its name: ids win, names compare case-insensitively.</summary>
internal static class Lookup
{
    public static T? ByIdOrName<T>(IEnumerable<T> items, string idOrName, Func<T, string> id, Func<T, string> name) where T : class
    {
        var candidates = items as IReadOnlyCollection<T> ?? items.ToList();
        return candidates.FirstOrDefault(i => string.Equals(id(i), idOrName, StringComparison.OrdinalIgnoreCase))
            ?? candidates.FirstOrDefault(i => string.Equals(name(i), idOrName.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
