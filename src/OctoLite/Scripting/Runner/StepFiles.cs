using OctoLite.Domain;

namespace OctoLite.Scripting.Runner;

/// <summary>
/// Removes the files the bootstrapper wrote for a step: the variables file holds sensitive values in clear, and the
/// script may too once they are substituted into it.
/// </summary>
internal static class StepFiles
{
    /// <summary>Deletes each of <paramref name="files"/> that exists; a warning in the step's log for any that cannot be.</summary>
    public static void Delete(IEnumerable<string> files, ScriptOutputFilter filter)
    {
        foreach (var file in files)
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                filter.Note(TaskLogLevel.Warning, $"Could not delete {file}, which may hold sensitive values in clear: {e.Message}");
            }
        }
    }
}
