using LiteDB;

namespace OctoLite.Storage;

/// <summary>
/// Owns the one <see cref="LiteDatabase"/> of the process. All access is serialized by one lock and
/// every write runs in one LiteDB transaction, so a change and its audit event land together or not
/// at all. LiteDB transactions are per thread, which is why the callbacks are synchronous.
/// </summary>
internal sealed class OctoStore : IDisposable
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly LiteDatabase _database;
    private readonly StoreSession _session;
    private readonly Lock _gate = new();

    private OctoStore(LiteDatabase database, string filePath)
    {
        _database = database;
        _session = new StoreSession(database);
        FilePath = filePath;
    }

    public string FilePath { get; }

    public int SchemaVersion => Read(_ => _database.UserVersion);

    public static OctoStore Open(string filePath)
    {
        CreatePrivately(filePath);
        LiteDatabase database;
        try
        {
            database = new LiteDatabase(new ConnectionString { Filename = filePath, Connection = ConnectionType.Direct }, new BsonMapper());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // LiteDB reports a damaged or foreign file with whatever exception its reader hits first
            // (LiteException, InvalidCastException, ArgumentOutOfRangeException…): all mean the same to an operator.
            throw new StoreException($"Cannot open the data file {filePath}: {e.Message}", e);
        }

        try
        {
            Migrations.Apply(database, filePath);
        }
        catch
        {
            database.Dispose();
            throw;
        }

        return new OctoStore(database, filePath);
    }

    public T Read<T>(Func<StoreSession, T> read)
    {
        lock (_gate)
        {
            return read(_session);
        }
    }

    public T Write<T>(Func<StoreSession, T> write)
    {
        lock (_gate)
        {
            _database.BeginTrans();
            try
            {
                var result = write(_session);
                _database.Commit();
                return result;
            }
            catch
            {
                _database.Rollback();
                throw;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _database.Dispose();
        }
    }

    /// <summary>The data file holds secrets' hashes and audit history: it is created readable by its owner only.</summary>
    private static void CreatePrivately(string filePath)
    {
        if (File.Exists(filePath))
        {
            if ((File.GetUnixFileMode(filePath) & ~PrivateFile) != 0)
            {
                File.SetUnixFileMode(filePath, PrivateFile);
            }

            return;
        }

        using var stream = new FileStream(filePath, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = PrivateFile,
        });
    }
}
