using OctoLite.Cli.Output;
using OctoLite.Domain;
using OctoLite.Tui.Widgets;

namespace OctoLite.Tui.Screens;

/// <summary>The task screen's actions: cancel, approve or abort an intervention, run again, artifacts, output variables.</summary>
internal sealed partial class TaskScreen
{
    /// <summary>What a sensitive output variable shows instead of its value.</summary>
    public const string Mask = "********";

    private void Cancel()
    {
        if (_task is { } task)
            TaskActions.Cancel(Context, task);
    }

    private void Resolve(bool proceed)
    {
        if (_task is not { } task)
            return;
        if (task.Interruptions.FirstOrDefault(i => i.IsPending) is not { } pending)
        {
            Shell.Say($"{task.Id} is not waiting for a manual intervention.", error: true);
            return;
        }

        var verb = proceed ? "Approve" : "Abort";
        var question = proceed ? $"Proceed past '{pending.StepName}'" : $"Abort at '{pending.StepName}' (the step fails, and so does the task)";
        if (Forms.Ask(App, $"{verb} {task.Id}", [new FormField("Note", "", question + ". Optional")]) is not { } values)
            return;

        // The note form's OK is its default button, so a stray Enter there must not act: ask again, defaulting to No.
        var note = values[0].Trim();
        if (!Shell.Confirm($"{verb} {task.Id}", question + "?"))
            return;

        Shell.Run($"{(proceed ? "Approving" : "Aborting")} {task.Id}", async ct =>
        {
            var resolved = await Api.ResolveInterventionAsync(task.Id, proceed, note.Length > 0 ? note : null, pending.Id, ct);
            return proceed ? $"Proceeding past step '{resolved.StepName}' of {task.Id}." : $"Aborted at step '{resolved.StepName}' of {task.Id}.";
        });
    }

    private void RunAgain()
    {
        if (_task is not { } task)
            return;
        if (task.Kind is not (TaskKind.RunbookRun or TaskKind.Deploy))
        {
            Shell.Say($"{task.Id} is a {task.Kind} task: only runbook runs and deployments can be run again.", error: true);
            return;
        }

        var what = task.Kind == TaskKind.Deploy ? "Deploy the same release again" : "Run the same runbook again";
        var where = task.EnvironmentId.Length > 0 ? $" in {task.EnvironmentId}" : "";
        if (!Shell.Confirm("Run again", $"{what}{where}? ({task.Description})"))
            return;

        ServerTask? queued = null;
        Shell.Run($"Queuing {task.Description}", async ct =>
        {
            queued = await Api.RunAgainAsync(task, ct);
            return $"Queued {queued.Id}: {queued.Description}.";
        }, () =>
        {
            if (queued is not null)
                Shell.Open(new TaskScreen(Context, queued.Id) { Clock = Clock });
        });
    }

    private void ShowArtifacts()
    {
        if (_task is not { } task)
            return;
        if (task.Artifacts.Count == 0)
        {
            Shell.Say($"{task.Id} has no artifacts.");
            return;
        }

        Artifact? chosen;
        using (var dialog = new TaskTableDialog<Artifact>($"Artifacts of {task.Id}",
        [
            new("NAME", a => a.Filename, MaxWidth: 40),
            new("SIZE", a => Display.Bytes(a.Length)),
            new("STEP", a => a.StepName),
        ], a => a.Id, task.Artifacts, Context.Options.Color, action: "Save..."))
        {
            App?.Run(dialog);
            chosen = dialog.Chosen;
        }

        if (chosen is not null)
            Save(chosen);
    }

    private void Save(Artifact artifact)
    {
        var suggested = Path.Combine(Environment.CurrentDirectory, SafeName(artifact));
        if (Forms.Ask(App, $"Save {artifact.Filename}", [new FormField("Save to", suggested, "a file, or a folder to save it in")]) is not { } values)
            return;
        if (string.IsNullOrWhiteSpace(values[0]))
        {
            Shell.Say("No file given: nothing was saved.", error: true);
            return;
        }

        var target = Path.GetFullPath(values[0].Trim());
        if (Directory.Exists(target))
            target = Path.Combine(target, SafeName(artifact));
        if (!Directory.Exists(Path.GetDirectoryName(target)))
        {
            Shell.Say($"The folder {Path.GetDirectoryName(target)} does not exist: nothing was saved.", error: true);
            return;
        }

        var overwrite = File.Exists(target);
        if (overwrite && !Shell.Confirm("Overwrite", $"{target} already exists. Overwrite it with {artifact.Filename}?"))
        {
            Shell.Say($"Not saved: {target} was left as it was.");
            return;
        }

        Shell.Run($"Saving {artifact.Filename}", async ct =>
        {
            await Api.SaveArtifactAsync(artifact, target, overwrite, ct);
            return $"Saved {artifact.Filename} ({Display.Bytes(artifact.Length)}) to {target}.";
        });
    }

    private void ShowVariables()
    {
        if (_task is not { } task)
            return;
        if (task.OutputVariables.Count == 0)
        {
            Shell.Say($"{task.Id} has no output variables.");
            return;
        }

        using var dialog = new TaskTableDialog<OutputVariable>($"Output variables of {task.Id}",
        [
            new("NAME", v => v.FullName, MaxWidth: 60),
            new("VALUE", v => v.IsSensitive ? Mask : v.Value ?? ""),
        ], v => v.FullName, task.OutputVariables, Context.Options.Color);
        App?.Run(dialog);
    }

    /// <summary>The artifact's file name without any folder (it comes from a script), or its id when that leaves nothing.</summary>
    private static string SafeName(Artifact artifact) =>
        Path.GetFileName(artifact.Filename) is { Length: > 0 } name and not "." and not ".." ? name : artifact.Id;
}
