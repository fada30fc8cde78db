using OctoLite.Scripting.Runner;

namespace OctoLite.Workers.Tentacle;

/// <summary>
/// A step's output that keeps its place in a tentacle's journal together with what it stores: each journal entry is
/// reported inside <see cref="Deliver"/>, so the lines it makes and its sequence number are stored together or not at
/// all. A server that restarts while the script runs then reads the journal again from exactly where its log ends.
/// </summary>
internal interface IJournalOutput : IStepOutput
{
    /// <summary>
    /// Runs <paramref name="report"/>, which reports one journal entry through this output's other methods (on this
    /// thread), and records <paramref name="sequence"/> as delivered, as one unit.
    /// </summary>
    void Deliver(long sequence, Action report);
}
