using System.Diagnostics.CodeAnalysis;

namespace OctoLite.Scripting.ServiceMessages;

/// <summary>
/// <c>##octopus[resultMessage message='…']</c>: the reason a script gave when it failed the step.
/// </summary>
/// <remarks>
/// Octopus has no "stepFailed" message. Its <c>fail_step</c> (bash), <c>failstep</c> (python) and
/// <c>Fail-Step</c> (PowerShell) helpers write this message, only when given a reason, and then exit with a
/// non-zero code. So the step fails because of the exit code; this message only supplies the text to show
/// as the failure reason.
/// </remarks>
/// <param name="Message">The reason, never blank.</param>
internal sealed record ResultMessage(string Message)
{
    /// <summary>Reads a parsed message; false with "resultMessage needs a message" when it has none.</summary>
    public static bool TryFrom(ServiceMessage message, [NotNullWhen(true)] out ResultMessage? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        error = TypedMessage.CheckName(message, ServiceMessageNames.ResultMessage);
        if (error is not null)
            return false;

        var text = message.GetAttribute("message");
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "resultMessage needs a message";
            return false;
        }
        result = new ResultMessage(text);
        return true;
    }

    /// <summary>The message <c>fail_step "reason"</c> writes.</summary>
    public ServiceMessage ToServiceMessage() => new(ServiceMessageNames.ResultMessage, [new("message", Message)]);
}
