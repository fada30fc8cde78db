namespace OctoLite.Benchmarks;

/// <summary>A measurement could not be taken; the message says which and quotes what the process said.</summary>
internal sealed class MeasurementException(string message) : Exception(message);
