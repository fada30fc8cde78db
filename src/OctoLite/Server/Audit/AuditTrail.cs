using OctoLite.Domain;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Audit;

/// <summary>Writes audit events inside the caller's store transaction, so a change is never stored without its event.</summary>
internal sealed class AuditTrail(TimeProvider time)
{
    public void Record(StoreSession store, Actor who, string category, string documentType, string documentId, string message, string details = "")
    {
        store.AuditEvents.Insert(new AuditEvent
        {
            Id = store.NextId("Events"),
            Occurred = time.GetUtcNow(),
            Who = who.Name,
            Category = category,
            DocumentType = documentType,
            DocumentId = documentId,
            Message = message,
            Details = details,
        });
    }

    public IReadOnlyList<AuditEvent> Recent(OctoStore store, int take, string? documentId)
    {
        return store.Read(s => s.AuditEvents.All()
            .Where(e => documentId is null || string.Equals(e.DocumentId, documentId, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(e => e.Occurred)
            .ThenByDescending(e => IdNumber(e.Id))
            .Take(take)
            .ToList());
    }

    private static long IdNumber(string id) => long.TryParse(id.AsSpan(id.LastIndexOf('-') + 1), out var n) ? n : 0;
}
