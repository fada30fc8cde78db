using OctoLite.Domain;

namespace OctoLite.Tui.Data;

internal sealed partial class TuiApi
{
    /// <summary>The newest <paramref name="take"/> audit events, newest first.</summary>
    public async Task<IReadOnlyList<AuditEvent>> AuditAsync(int take, CancellationToken ct)
    {
        var page = await client.GetAsync($"api/events?take={take}", Json.ResourceCollectionAuditEvent, ct);
        return page.Items;
    }
}
