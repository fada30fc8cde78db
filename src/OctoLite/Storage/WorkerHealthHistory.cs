using System.Globalization;
using LiteDB;
using OctoLite.Domain;

namespace OctoLite.Storage;

/// <summary>
/// Workers' health histories, one document per entry with id <c>&lt;workerId&gt;/&lt;sequence, 12 digits&gt;</c>, so one
/// worker's entries are found, newest first, on the primary key alone. Each worker keeps a bounded number of entries.
/// </summary>
internal sealed class WorkerHealthHistory(LiteDatabase database)
{
    private const string SequenceFormat = "000000000000";
    private const long MaxSequence = 999_999_999_999;
    private readonly ILiteCollection<BsonDocument> _entries = database.GetCollection("workerhealth");
    private readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<WorkerHealthRecord> _type = StorageJsonContext.Default.WorkerHealthRecord;

    /// <summary>Adds <paramref name="entry"/> (its id is assigned) and drops the worker's oldest entries beyond <paramref name="keep"/>.</summary>
    public WorkerHealthRecord Add(WorkerHealthRecord entry, int keep)
    {
        var ids = Ids(entry.WorkerId);
        var next = ids.Count == 0 ? 1 : Sequence(ids[^1]) + 1;
        var stored = entry with { Id = EntryId(entry.WorkerId, next) };
        _entries.Insert(BsonBridge.ToDocument(stored, _type));
        foreach (var old in ids.Take(Math.Max(0, ids.Count + 1 - Math.Max(1, keep))))
        {
            _entries.Delete(old);
        }

        return stored;
    }

    /// <summary>The worker's newest <paramref name="take"/> entries, newest first.</summary>
    public List<WorkerHealthRecord> Newest(string workerId, int take) => _entries.Query()
        .Where(Range(workerId))
        .OrderByDescending("_id")
        .Limit(take)
        .ToEnumerable()
        .Select(d => BsonBridge.FromDocument(d, _type))
        .ToList();

    /// <summary>Forgets a deleted worker's history.</summary>
    public void DeleteAll(string workerId) => _entries.DeleteMany(Range(workerId));

    /// <summary>The worker's entry ids, oldest first (the primary key's order).</summary>
    private List<string> Ids(string workerId) => _entries.Find(Range(workerId)).Select(d => d["_id"].AsString).ToList();

    private static BsonExpression Range(string workerId) => Query.Between("_id", EntryId(workerId, 0), EntryId(workerId, MaxSequence));

    private static long Sequence(string id) => long.Parse(id.AsSpan(id.LastIndexOf('/') + 1), NumberStyles.None, CultureInfo.InvariantCulture);

    private static string EntryId(string workerId, long sequence) => $"{workerId}/{sequence.ToString(SequenceFormat, CultureInfo.InvariantCulture)}";
}
