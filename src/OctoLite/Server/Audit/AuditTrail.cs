using OctoLite.Domain;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Audit;

/// <summary>Writes audit events inside the caller's store transaction, so a change is never stored without its event.</summary>
internal sealed partial class AuditTrail(TimeProvider time, ILogger<AuditTrail> logger)
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
        LogChange(logger, category, documentType, documentId, who.Name, message);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "{Category} {DocumentType} {DocumentId} by {Who}: {Message}")]
    private static partial void LogChange(ILogger logger, string category, string documentType, string documentId, string who, string message);

    private static long IdNumber(string id) => long.TryParse(id.AsSpan(id.LastIndexOf('-') + 1), out var n) ? n : 0;
}
