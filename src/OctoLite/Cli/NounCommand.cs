using Command = System.CommandLine.Command;

namespace OctoLite.Cli;

/// <summary>A noun such as <c>pool</c> grouping its verbs; run alone it shows its help.</summary>
internal sealed class NounCommand : Command
{
    public NounCommand(string name, string description, params Command[] verbs) : base(name, description)
    {
        foreach (var verb in verbs)
        {
            Subcommands.Add(verb);
        }
    }
}
