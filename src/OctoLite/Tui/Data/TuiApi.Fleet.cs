using OctoLite.Domain;

namespace OctoLite.Tui.Data;

internal sealed partial class TuiApi
{
    /// <summary>Tasks not yet finished (queued, executing, cancelling), newest first as the server lists them.</summary>
    public async Task<IReadOnlyList<ServerTask>> ActiveTasksAsync(CancellationToken ct)
    {
        var page = await client.GetAsync($"api/tasks?state=Active&take={Server.Api.Paging.MaxTake}", Json.ResourceCollectionServerTask, ct);
        return page.Items;
    }
}
