using OctoLite.Domain;

namespace OctoLite.Cli.Tasks;

/// <summary>The tree of a task's log blocks as far as the CLI has seen it: how deep a block sits decides its lines' indent.</summary>
internal sealed class TaskLogBlocks
{
    // Deeper than any real log (task → step → worker); stops a malformed parent chain from looping.
    private const int MaxDepth = 8;
    private readonly Dictionary<string, string> _parents = new(StringComparer.Ordinal);

    public TaskLogBlocks Learn(IEnumerable<TaskLogBlock> blocks)
    {
        foreach (var block in blocks)
        {
            _parents[block.Id] = block.ParentId;
        }

        return this;
    }

    public bool Knows(string block) => block.Length == 0 || _parents.ContainsKey(block);

    /// <summary>0 for the task's own lines, 1 for a step's, 2 for the lines of the worker running it; an unknown block counts as a step's.</summary>
    public int Depth(string block)
    {
        var depth = 0;
        while (block.Length > 0 && depth < MaxDepth)
        {
            depth++;
            if (!_parents.TryGetValue(block, out var parent))
            {
                break;
            }

            block = parent;
        }

        return depth;
    }
}
