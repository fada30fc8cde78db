namespace OctoLite.Server;

/// <summary>The first steps every update shares: the document exists, the caller's change applies, and the id stays.</summary>
internal static class Edit
{
    public static Result<(T Current, T Changed)> Apply<T>(Result<T> found, Func<T, Result<T>> change, Func<T, string> id)
    {
        if (!found.IsSuccess)
        {
            return found.Problem;
        }

        var changed = change(found.Value);
        if (!changed.IsSuccess)
        {
            return changed.Problem;
        }

        return id(changed.Value) == id(found.Value)
            ? (found.Value, changed.Value)
            : Problem.Invalid("Id", $"Id cannot be changed (it is {id(found.Value)}).");
    }
}
