namespace OctoLite.Scripting.Processes;

/// <summary>A child process could not be started; the message says why, in words fit for a task log.</summary>
internal sealed class ScriptProcessStartException : Exception
{
    public ScriptProcessStartException(string message)
        : base(message)
    {
    }

    public ScriptProcessStartException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
