using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Domain;

namespace OctoLite.Cli.Tasks;

/// <summary><c>task approve</c> and <c>task abort</c>: resolve the manual intervention a task awaits.</summary>
internal sealed class TaskInterventionCommand : OctoCommand
{
    private readonly Argument<string> _task = TaskArgument.Create();
    private readonly Option<string?> _note = new("--note") { Description = "Why; kept with the intervention and in the audit trail", HelpName = "text" };
    private readonly Option<string?> _interruption = new("--interruption") { Description = "Which intervention, when the task awaits several (parallel steps)", HelpName = "id" };
    private readonly bool _proceed;

    public TaskInterventionCommand(GlobalOptions options, bool proceed)
        : base(proceed ? "approve" : "abort",
            proceed ? "Proceed past the manual intervention a task awaits" : "Abort at the manual intervention a task awaits: the step fails, and so does the task", options)
    {
        _proceed = proceed;
        Arguments.Add(_task);
        Options.Add(_note);
        Options.Add(_interruption);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var task = result.GetValue(_task)!;
        var body = new JsonPatch().Set("Note", result.GetValue(_note)).Set("InterruptionId", result.GetValue(_interruption)).Body;
        var resolved = await context.Client.PostAsync(TaskArgument.Path(task, _proceed ? "/approve" : "/abort"), body, CliJsonContext.Default.Interruption, cancellationToken);
        context.Render(resolved, CliJsonContext.Default.Interruption, (w, i) => w.WriteLine(
            $"{(i.Result == InterruptionResults.Proceed ? "Proceeding past" : "Aborted at")} step '{i.StepName}' of {task} ({i.Id})."));
        return ExitCodes.Ok;
    }
}
