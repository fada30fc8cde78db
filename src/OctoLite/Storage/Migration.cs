using LiteDB;

namespace OctoLite.Storage;

/// <summary>One step of the schema: applied once, in order, to bring a data file up to <see cref="Version"/>.</summary>
internal sealed record Migration(int Version, string Description, Action<LiteDatabase> Apply);
