using System.Text.Json;

namespace OctoLite.Tentacle.Agent;

/// <summary>Reads and writes a ticket's <c>status.json</c> (<see cref="ScriptRecord"/>), atomically and owner-only.</summary>
internal static class ScriptRecordFile
{
    public const string FileName = "status.json";

    /// <param name="durable">False for records that matter only while the machine stays up (see <see cref="ScriptRun.Update"/>).</param>
    public static void Save(string journalFolder, ScriptRecord record, bool durable = true) =>
        AtomicFile.Write(Path.Combine(journalFolder, FileName), JsonSerializer.SerializeToUtf8Bytes(record, TentacleAgentJsonContext.Default.ScriptRecord), durable);

    /// <summary>The record, or null when the file is missing or unreadable (a crash before it was first written).</summary>
    public static ScriptRecord? Load(string journalFolder)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(journalFolder, FileName)), TentacleAgentJsonContext.Default.ScriptRecord);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
