using OctoLite.Server.Security;

namespace OctoLite.Server.Api;

/// <summary>Who is calling, as decided by <see cref="ApiKeyAuthentication"/> for each request.</summary>
internal static class RequestActor
{
    private const string Key = "octolite.actor";

    public static Actor Get(HttpContext context) =>
        context.Items.TryGetValue(Key, out var actor) && actor is Actor known
            ? known
            : throw new InvalidOperationException("The request was not authenticated: ApiKeyAuthentication must run first.");

    public static void Set(HttpContext context, Actor actor) => context.Items[Key] = actor;
}
