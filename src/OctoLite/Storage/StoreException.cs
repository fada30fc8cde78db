namespace OctoLite.Storage;

/// <summary>The data file cannot be used: it is locked, unreadable, or from a newer version.</summary>
internal sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
