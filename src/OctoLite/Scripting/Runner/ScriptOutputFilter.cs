using System.Text;
using OctoLite.Domain;
using OctoLite.Scripting.Masking;
using OctoLite.Scripting.Processes;
using OctoLite.Scripting.ServiceMessages;

namespace OctoLite.Scripting.Runner;

/// <summary>
/// Turns a running script's output lines into what its <see cref="IStepOutput"/> hears: log lines at the level
/// the <c>stdout-*</c>/<c>stderr-*</c> messages set, output variables, progress, and (kept for the runner)
/// artifact requests, the <c>fail_step</c> reason and the count of error output. Every text is masked on the way.
/// </summary>
/// <remarks>
/// <para>
/// Service messages are read from stdout (lines starting with <c>##octopus[</c> after whitespace) and are not
/// logged as text. A malformed one is logged as text at the current level, followed by a verbose note with the
/// parser's reason; a well-formed message OctoLite does not know gets a verbose note naming it. On stderr only
/// <c>mask</c> is acted on: it can only hide more, and a tool may print it there; everything else on stderr is text.
/// </para>
/// <para>
/// Output variables reach the sink with their real value. A sensitive one's value is masked from then on; a value
/// the script did not mark sensitive but that holds a known secret is reported as sensitive all the same, so it
/// is stored encrypted and masked in later steps. Each gets a verbose note naming it, never showing its value.
/// </para>
/// <para>
/// Most lines never become strings: a line read as UTF-8 (<see cref="AcceptUtf8"/>) that is not a service message and
/// holds no secret reaches <see cref="IStepOutput.LineUtf8"/> as the bytes read. Only service messages and lines
/// holding a secret are decoded, and then take the same path as a decoded line (<see cref="Accept"/>).
/// </para>
/// <para>
/// Threading: <see cref="Accept"/> and <see cref="AcceptUtf8"/> are called by the process's pumps, <see cref="Note"/> by the runner, possibly at
/// the same time. One lock serialises them, so the sink is never called concurrently. Stdout and stderr are read
/// separately, so a <c>stderr-*</c> message on stdout applies to the stderr lines read after it, which need not
/// be exactly those the script wrote after it.
/// </para>
/// <para>
/// If the sink throws, that exception is kept in <see cref="SinkFailure"/>, <see cref="SinkFailed"/> fires (the
/// runner stops the script and rethrows it), and later output is dropped.
/// </para>
/// </remarks>
internal sealed class ScriptOutputFilter(IStepOutput output, SecretMasker masker, ArtifactRequests artifacts) : IDisposable
{
    private static readonly byte[] ServicePrefixUtf8 = Encoding.UTF8.GetBytes(ServiceMessageGrammar.Prefix);

    private readonly Lock gate = new();
    private readonly CancellationTokenSource sinkFailed = new();
    private StdoutMode stdoutMode = StdoutMode.Default;
    private StderrMode stderrMode = StderrMode.Error;
    private string? resultMessage;
    private int errorLines;
    private Exception? sinkFailure;

    /// <summary>Fires once when the sink has thrown.</summary>
    public CancellationToken SinkFailed => sinkFailed.Token;

    /// <summary>What the sink threw first, or null.</summary>
    public Exception? SinkFailure
    {
        get
        {
            lock (gate)
                return sinkFailure;
        }
    }

    /// <summary>The reason of the last <c>resultMessage</c> (what <c>fail_step</c> writes), unmasked; null when none came.</summary>
    public string? ResultMessage
    {
        get
        {
            lock (gate)
                return resultMessage;
        }
    }

    /// <summary>How many stderr lines were logged as errors (not those dropped or logged as progress).</summary>
    public int ErrorLines
    {
        get
        {
            lock (gate)
                return errorLines;
        }
    }

    /// <summary>Takes one line from the script (the <see cref="ScriptProcess"/> sink).</summary>
    public void Accept(OutputLine line)
    {
        lock (gate)
        {
            if (sinkFailure is not null)
                return;
            try
            {
                if (line.Stream == OutputStream.StdOut)
                    Stdout(line.Text);
                else
                    Stderr(line.Text);
            }
            catch (Exception e)
            {
                Fail(e);
            }
        }
    }

    /// <summary>Takes one line from the script as valid UTF-8 (the <see cref="ScriptProcess"/> bytes sink).</summary>
    public void AcceptUtf8(OutputStream stream, ReadOnlySpan<byte> line)
    {
        lock (gate)
        {
            if (sinkFailure is not null)
                return;
            try
            {
                if (MayBeServiceMessage(line))
                {
                    // Rare: parse it as text, exactly as a decoded line.
                    var text = Encoding.UTF8.GetString(line);
                    if (stream == OutputStream.StdOut)
                        Stdout(text);
                    else
                        Stderr(text);
                }
                else if (stream == OutputStream.StdOut)
                {
                    if (Level(stdoutMode) is { } level)
                        LineOut(level, line);
                }
                else if (StderrLevel() is { } level)
                {
                    LineOut(level, line);
                }
            }
            catch (Exception e)
            {
                Fail(e);
            }
        }
    }

    /// <summary>Logs the runner's own <paramref name="text"/>, masked.</summary>
    public void Note(TaskLogLevel level, string text)
    {
        lock (gate)
        {
            if (sinkFailure is not null)
                return;
            try
            {
                output.Line(level, masker.Mask(text));
            }
            catch (Exception e)
            {
                Fail(e);
            }
        }
    }

    /// <summary><paramref name="text"/> masked with every secret known so far.</summary>
    public string Mask(string text) => masker.Mask(text);

    /// <inheritdoc />
    public void Dispose() => sinkFailed.Dispose();

    private void Stdout(string text)
    {
        string? problem = null;
        if (MayBeServiceMessage(text))
        {
            problem = Handle(text);
            if (problem is null)
                return;
        }

        if (Level(stdoutMode) is { } level)
            output.Line(level, masker.Mask(text));
        if (problem is not null)
            output.Line(TaskLogLevel.Verbose, masker.Mask($"Not a valid service message, so logged as text: {problem}."));
    }

    private void Stderr(string text)
    {
        if (MayBeServiceMessage(text) && ServiceMessageParser.TryParse(text, out var message, out _)
            && MaskMessage.TryFrom(message, out var mask, out _))
        {
            masker.Add(mask.Value);
            return;
        }

        if (StderrLevel() is { } level)
            output.Line(level, masker.Mask(text));
    }

    // The level of the next ordinary stderr line, counting it when it is an error; null when stderr is ignored.
    private TaskLogLevel? StderrLevel()
    {
        if (stderrMode == StderrMode.Ignore)
            return null;
        if (stderrMode == StderrMode.Error)
            errorLines++;
        return stderrMode == StderrMode.Progress ? TaskLogLevel.Verbose : TaskLogLevel.Error;
    }

    // A line as read, masked: passed on as bytes unless it holds a secret.
    private void LineOut(TaskLogLevel level, ReadOnlySpan<byte> line)
    {
        if (masker.Finds(line))
            output.Line(level, masker.Mask(Encoding.UTF8.GetString(line)));
        else
            output.LineUtf8(level, line);
    }

    // The cheap test every line passes through; only lines that pass it are parsed.
    private static bool MayBeServiceMessage(string text) =>
        text.AsSpan().TrimStart().StartsWith(ServiceMessageGrammar.Prefix, StringComparison.Ordinal);

    // The same test on valid UTF-8, skipping the same (Unicode) whitespace as string.TrimStart.
    private static bool MayBeServiceMessage(ReadOnlySpan<byte> line)
    {
        while (!line.IsEmpty)
        {
            if (line[0] < 0x80)
            {
                if (!char.IsWhiteSpace((char)line[0]))
                    break;
                line = line[1..];
                continue;
            }

            Rune.DecodeFromUtf8(line, out var rune, out var length);
            if (!Rune.IsWhiteSpace(rune))
                break;
            line = line[length..];
        }

        return line.StartsWith(ServicePrefixUtf8);
    }

    // Acts on a service message line; returns why it is not a valid one, or null when it was handled.
    private string? Handle(string text)
    {
        if (!ServiceMessageParser.TryParse(text, out var message, out var error))
            return error ?? "not a service message";

        switch (message.Name)
        {
            case ServiceMessageNames.SetVariable:
                if (!SetVariableMessage.TryFrom(message, out var variable, out error))
                    return error;
                SetVariable(variable);
                return null;
            case ServiceMessageNames.CreateArtifact:
                if (!CreateArtifactMessage.TryFrom(message, out var artifact, out error))
                    return error;
                artifacts.Add(artifact.Path, artifact.Name);
                return null;
            case ServiceMessageNames.Progress:
                if (!ProgressMessage.TryFrom(message, out var progress, out error))
                    return error;
                output.Progress(progress.Percentage, masker.Mask(progress.Message));
                return null;
            case ServiceMessageNames.Mask:
                if (!MaskMessage.TryFrom(message, out var mask, out error))
                    return error;
                if (!masker.Add(mask.Value))
                    output.Line(TaskLogLevel.Verbose, $"A mask message's value is shorter than {masker.MinimumLength} characters; it is not masked.");
                return null;
            case ServiceMessageNames.ResultMessage:
                if (!ServiceMessages.ResultMessage.TryFrom(message, out var result, out error))
                    return error;
                resultMessage = result.Message;
                return null;
        }

        if (OutputModeMessage.TryGetStdoutMode(message, out var stdout))
            stdoutMode = stdout;
        else if (OutputModeMessage.TryGetStderrMode(message, out var stderr))
            stderrMode = stderr;
        else
            output.Line(TaskLogLevel.Verbose, masker.Mask($"Ignored the service message '{message.Name}': OctoLite does not know it."));
        return null;
    }

    private void SetVariable(SetVariableMessage variable)
    {
        var sensitive = variable.IsSensitive;
        if (sensitive)
            masker.Add(variable.Value);
        else if (!ReferenceEquals(masker.Mask(variable.Value), variable.Value))
            sensitive = true; // it holds a secret: store and show it as one

        output.OutputVariable(variable.Name, variable.Value, sensitive);
        output.Line(TaskLogLevel.Verbose, masker.Mask($"Set the output variable {variable.Name}{(sensitive ? " (sensitive)" : "")}."));
    }

    private static TaskLogLevel? Level(StdoutMode mode) => mode switch
    {
        StdoutMode.Default => TaskLogLevel.Info,
        StdoutMode.Verbose => TaskLogLevel.Verbose,
        StdoutMode.Highlight => TaskLogLevel.Highlight,
        StdoutMode.Wait => TaskLogLevel.Wait,
        StdoutMode.Warning => TaskLogLevel.Warning,
        StdoutMode.Error => TaskLogLevel.Error,
        _ => null,
    };

    private void Fail(Exception e)
    {
        sinkFailure ??= e;
        // Asynchronously: the runner's continuation must not run here, under this lock and the pump's.
        _ = sinkFailed.CancelAsync();
    }
}
