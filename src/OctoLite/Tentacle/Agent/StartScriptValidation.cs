using OctoLite.Domain;
using OctoLite.Scripting.Runner;
using OctoLite.Scripting.Variables;
using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent;

/// <summary>Checks a <see cref="StartScriptCommand"/> field by field and turns it into the step runner's request.</summary>
internal static class StartScriptValidation
{
    /// <summary>The runner's request, its working folder still empty.</summary>
    /// <exception cref="TentacleRequestException">A field is missing or invalid; the message names it.</exception>
    public static StepRunRequest Validate(StartScriptCommand? command)
    {
        if (command is null)
        {
            throw TentacleRequestException.BadRequest("The request body must be a start-script command (JSON).", "body");
        }

        ScriptTicket.Validate(command.Ticket, "Ticket");
        // An omitted Syntax arrives empty (the source-generated reader does not keep init defaults): Bash, as documented.
        var named = string.IsNullOrEmpty(command.Syntax) ? nameof(ScriptSyntax.Bash) : command.Syntax;
        if (!Enum.TryParse<ScriptSyntax>(named, ignoreCase: true, out var syntax) || !Enum.IsDefined(syntax) || named.Any(char.IsDigit))
        {
            throw TentacleRequestException.BadRequest(
                $"Syntax must be one of {string.Join(", ", Enum.GetNames<ScriptSyntax>())} (got '{command.Syntax}').", "Syntax");
        }

        if (command.Script is null)
        {
            throw TentacleRequestException.BadRequest("Script is required (it may be empty).", "Script");
        }

        if (command.Timeout is { } timeout && timeout < TimeSpan.Zero)
        {
            throw TentacleRequestException.BadRequest($"Timeout cannot be negative (got {timeout:c}).", "Timeout");
        }

        var variables = new ScriptVariableSet();
        var list = command.Variables ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var variable = list[i];
            if (variable is null || string.IsNullOrWhiteSpace(variable.Name))
            {
                throw TentacleRequestException.BadRequest($"Variables[{i}] has no Name.", $"Variables[{i}].Name");
            }

            variables.Set(variable.Name, variable.Value, variable.IsSensitive);
        }

        return new StepRunRequest
        {
            Syntax = syntax,
            Script = command.Script,
            Variables = variables,
            WorkingFolder = "",
            Timeout = command.Timeout,
        };
    }
}
