namespace OctoLite.Scripting.Processes;

/// <summary>Reads one pipe to its end, line by line.</summary>
internal static class OutputPump
{
    private const int ReadBufferBytes = 64 * 1024;

    /// <summary>
    /// Reads <paramref name="pipe"/> until end of stream and hands each line to <paramref name="deliver"/>, in order.
    /// When <paramref name="abandon"/> fires, or the pipe is closed under it, the pump stops early and keeps the
    /// partial line it had; it never throws for either.
    /// </summary>
    public static async Task RunAsync(Stream pipe, int maxLineBytes, Action<string> deliver, CancellationToken abandon)
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
}
