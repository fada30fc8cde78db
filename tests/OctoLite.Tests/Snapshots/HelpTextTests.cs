using System.CommandLine;
using System.CommandLine.Help;
using System.Text;
using System.Text.RegularExpressions;
using OctoLite.Cli;
using OctoLite.Hosting;
using OctoLite.Tests.Support;
using Command = System.CommandLine.Command;

namespace OctoLite.Tests.Snapshots;

/// <summary>
/// The <c>--help</c> text of every command, walked from <see cref="CliRoot"/> so a new noun or verb lands in the
/// snapshot by itself, run through the real entry point <see cref="CliProgram.RunAsync"/>.
/// </summary>
public sealed class HelpTextTests
{
    /// <summary>How the program is called in the docs and in the snapshot, whatever the test host's executable is called.</summary>
    private const string ProgramName = "octolite";

    /// <summary>No OCTOLITE_* variable of the machine running the tests may change a default shown in help.</summary>
    private static EnvironmentVariables NoEnvironment() => new(_ => null);

    [Fact]
    public void Command_tree_is_the_documented_one()
    {
        // A new command fails this test on purpose: add it here, then review its help text in the snapshot.
        string[] expected =
        [
            "octolite",
            "octolite server",
            "octolite server run",
            "octolite server info",
            "octolite server drain",
            "octolite server show-thumbprint",
            "octolite pool",
            "octolite pool list",
            "octolite pool show",
            "octolite pool create",
            "octolite pool update",
            "octolite pool delete",
            "octolite pool set-default",
            "octolite pool reorder",
            "octolite worker",
            "octolite worker list",
            "octolite worker show",
            "octolite worker create",
            "octolite worker register-listening",
            "octolite worker update",
            "octolite worker delete",
            "octolite worker enable",
            "octolite worker disable",
            "octolite worker health-check",
            "octolite policy",
            "octolite policy list",
            "octolite policy show",
            "octolite policy create",
            "octolite policy update",
            "octolite policy delete",
            "octolite environment",
            "octolite environment list",
            "octolite environment show",
            "octolite environment create",
            "octolite environment update",
            "octolite environment delete",
            "octolite target",
            "octolite target list",
            "octolite target show",
            "octolite target create",
            "octolite target update",
            "octolite target delete",
            "octolite target enable",
            "octolite target disable",
            "octolite target health",
            "octolite project",
            "octolite project list",
            "octolite project show",
            "octolite project create",
            "octolite project delete",
            "octolite project process",
            "octolite project process set",
            "octolite project process show",
            "octolite release",
            "octolite release list",
            "octolite release show",
            "octolite release create",
            "octolite release delete",
            "octolite deploy",
            "octolite variable",
            "octolite variable list",
            "octolite variable set",
            "octolite variable delete",
            "octolite runbook",
            "octolite runbook list",
            "octolite runbook show",
            "octolite runbook create",
            "octolite runbook update",
            "octolite runbook delete",
            "octolite runbook run",
            "octolite task",
            "octolite task list",
            "octolite task show",
            "octolite task why",
            "octolite task log",
            "octolite task wait",
            "octolite task cancel",
            "octolite task approve",
            "octolite task abort",
            "octolite task artifact",
            "octolite task artifact list",
            "octolite task artifact get",
            "octolite config",
            "octolite config get",
            "octolite config set",
            "octolite config test-smtp",
            "octolite certificate",
            "octolite certificate import",
            "octolite certificate list",
            "octolite certificate show",
            "octolite certificate delete",
            "octolite apikey",
            "octolite apikey create",
            "octolite apikey list",
            "octolite apikey revoke",
            "octolite audit",
            "octolite audit list",
            "octolite tentacle",
            "octolite tentacle create-instance",
            "octolite tentacle configure",
            "octolite tentacle new-certificate",
            "octolite tentacle show-thumbprint",
            "octolite tentacle run",
            "octolite tentacle service",
            "octolite tentacle list-instances",
            "octolite tentacle show-configuration",
            "octolite tentacle register-worker",
            "octolite tentacle deregister-worker",
            "octolite tui",
        ];

        Assert.Equal(expected, CommandPaths().Select(Display));
    }

    [Fact]
    public async Task Help_of_every_command()
    {
        var text = new StringBuilder();
        var problems = new List<string>();
        foreach (var path in CommandPaths())
        {
            var (exitCode, output, error) = await RunAsync([.. path, "--help"]);
            if (exitCode != 0)
            {
                problems.Add($"'{Display(path)} --help' exited {exitCode}");
            }

            if (error.Length > 0)
            {
                problems.Add($"'{Display(path)} --help' wrote to stderr: {error}");
            }

            text.Append("===== ").Append(Display(path)).Append(" --help =====\n")
                .Append(output)
                .Append('\n');
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Snapshot.Verify(text.ToString());
    }

    [Fact]
    public async Task Help_does_not_depend_on_the_console_width()
    {
        // System.CommandLine 2.0.15 wraps help at Console.WindowWidth unless stdout is redirected, and it asks the
        // process's console, not the TextWriter help goes to. Under `dotnet test` stdout is redirected, so help is
        // never wrapped; the same text with the width pinned proves the snapshot cannot depend on a terminal.
        var (_, output, _) = await RunAsync(["pool", "create", "--help"]);

        var root = CliRoot.Create(NoEnvironment());
        var help = root.Options.OfType<HelpOption>().Single();
        ((HelpAction)help.Action!).MaxWidth = int.MaxValue;
        using var pinned = new StringWriter { NewLine = "\n" };
        var exitCode = root.Parse(["pool", "create", "--help"]).Invoke(new InvocationConfiguration { Output = pinned, Error = pinned });

        Assert.Equal(0, exitCode);
        Assert.Equal(ScrubProgramName(pinned.ToString(), root.Name), output);
    }

    [Fact]
    public async Task Pool_create_without_name_is_a_usage_error()
    {
        var (exitCode, output, error) = await RunAsync(["pool", "create", "--description", "x"]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("error:", error);
        Assert.Contains("'--name'", error);
        Assert.Contains("Run 'octolite pool create --help' for usage.", error);
    }

    /// <summary>Every command path, depth first in the order help lists them; the root is the empty path.</summary>
    private static IReadOnlyList<string[]> CommandPaths()
    {
        var paths = new List<string[]>();
        Walk(CliRoot.Create(NoEnvironment()), []);
        return paths;

        void Walk(Command command, string[] path)
        {
            paths.Add(path);
            foreach (var subcommand in command.Subcommands)
            {
                Walk(subcommand, [.. path, subcommand.Name]);
            }
        }
    }

    private static string Display(string[] path) => string.Join(' ', path.Prepend(ProgramName));

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = await CliProgram.RunAsync(args, NoEnvironment(), output, error, TestTimeout.Token());
        return (exitCode, ScrubProgramName(output.ToString(), RootCommand.ExecutableName), error.ToString());
    }

    /// <summary>
    /// The root command is named after the running executable ("testhost" under <c>dotnet test</c>); the usage lines
    /// of the snapshot say "octolite" as the shipped binary does.
    /// </summary>
    private static string ScrubProgramName(string help, string executableName) =>
        executableName == ProgramName
            ? help
            : Regex.Replace(help, $"^  {Regex.Escape(executableName)}(?= |$)", "  " + ProgramName, RegexOptions.Multiline);
}
