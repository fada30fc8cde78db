namespace OctoLite.Server.Api;

/// <summary>Skip/take paging of list endpoints, as Octopus's <c>?skip=&amp;take=</c>.</summary>
internal static class Paging
{
    public const int MaxTake = 1000;

    public static Result<ResourceCollection<T>> Page<T>(string itemType, IReadOnlyList<T> all, int? skip, int? take)
    {
        if (skip is < 0)
        {
            return Problem.Invalid("skip", $"skip must be zero or more (got {skip}).");
        }

        if (take is < 1 or > MaxTake)
        {
            return Problem.Invalid("take", $"take must be between 1 and {MaxTake} (got {take}).");
        }

        var from = skip ?? 0;
        var count = take ?? MaxTake;
        return new ResourceCollection<T>(itemType, all.Count, from, count, all.Skip(from).Take(count).ToList());
    }
}
