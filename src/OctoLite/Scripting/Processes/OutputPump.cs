namespace OctoLite.Scripting.Processes;

/// <summary>Reads one pipe to its end, line by line (as UTF-8; see <see cref="LineSplitter"/>).</summary>
internal static class OutputPump
{
    private const int ReadBufferBytes = 64 * 1024;

    /// <summary>
    /// Reads <paramref name="pipe"/> until end of stream and hands each line to <paramref name="deliver"/>, in order.
    /// When <paramref name="abandon"/> fires, or the pipe is closed under it, the pump stops early and keeps the
    /// partial line it had; it never throws for either.
    /// </summary>
    public static async Task RunAsync(Stream pipe, int maxLineBytes, Utf8LineHandler deliver, CancellationToken abandon)
    {
        var splitter = new LineSplitter(maxLineBytes, deliver);
        var buffer = new byte[ReadBufferBytes];
        try
        {
            while (true)
            {
                var read = await pipe.ReadAsync(buffer, abandon).ConfigureAwait(false);
                if (read == 0)
                    break;
                splitter.Append(buffer.AsSpan(0, read));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or IOException)
        {
            // Abandoned after a kill (a process outside the group still holds the pipe), or disposed: stop here.
        }

        splitter.Flush();
    }

    /// <summary>
    /// The same on a dedicated thread with blocking reads: no thread-pool hop per read, which matters when a script
    /// floods its output. The returned task completes when the pipe ends, or at once when <paramref name="abandon"/>
    /// fires; an abandoned thread stays blocked until the last holder of the pipe closes it, and delivers nothing
    /// more (the caller's <paramref name="deliver"/> must drop lines after abandoning, as ScriptProcess's does).
    /// </summary>
    public static Task RunOnThread(Stream pipe, int maxLineBytes, Utf8LineHandler deliver, string name, CancellationToken abandon)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            var splitter = new LineSplitter(maxLineBytes, deliver);
            var buffer = new byte[ReadBufferBytes];
            try
            {
                while (!abandon.IsCancellationRequested)
                {
                    var read = pipe.Read(buffer);
                    if (read == 0)
                        break;
                    splitter.Append(buffer.AsSpan(0, read));
                }

                if (!abandon.IsCancellationRequested)
                    splitter.Flush();
            }
            catch (Exception e) when (e is ObjectDisposedException or IOException)
            {
                // Disposed under us: stop here.
            }
            catch (Exception e)
            {
                done.TrySetException(e);
                return;
            }

            done.TrySetResult();
        }, 256 * 1024)
        { IsBackground = true, Name = name };
        thread.Start();
        abandon.Register(() => done.TrySetResult());
        return done.Task;
    }
}
