using OctoLite.Server.Audit;
using OctoLite.Storage;

namespace OctoLite.Server.Api;

/// <summary><c>/api/events</c>: the audit trail, newest first, optionally for one document.</summary>
internal static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/events");
        group.MapGet("/", (AuditTrail audit, OctoStore store, string? document, int? skip, int? take) =>
        {
            var events = audit.Recent(store, Paging.MaxTake, document);
            return ApiResults.Ok(Paging.Page("Event", events, skip, take), ApiJsonContext.Default.ResourceCollectionAuditEvent);
        });
        return group;
    }
}
