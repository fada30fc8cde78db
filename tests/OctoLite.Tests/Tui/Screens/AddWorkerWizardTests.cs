using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using OctoLite.Server.Security;
using OctoLite.Tentacle.Agent;
using OctoLite.Tests.Support;
using OctoLite.Tests.Workers;
using OctoLite.Tui.Screens;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace OctoLite.Tests.Tui.Screens;

[Collection(TuiCollection.Name)]
public sealed class AddWorkerWizardTests
{
    private static async Task SeedPool(RunningServer server) =>
        Assert.Equal(0, (await server.CliAsync("pool", "create", "--name", "Remote")).ExitCode);

    private static string ServerThumbprint(RunningServer server) => server.Server.Services.GetRequiredService<ServerCertificate>().Thumbprint;

    [Fact(Timeout = 60_000)]
    public async Task Listening_RegistersARealTentacle_AndTheServerReachesIt()
    {
        using var home = new TempDirectory();
        TentacleAgent? agent = null;
        await using var shell = await ShellHarness.StartAsync("workers", seed: async server =>
        {
            await SeedPool(server);
            agent = await ListeningTentacle.StartAgentAsync(home.Combine("tentacle"), [ServerThumbprint(server)]);
        });
        await using var _ = agent!;
        shell.Refresh();

        string shownTrust = "";
        Modals(shell, () => shell.Type("a"),
            (typeof(AddWorkerKindDialog), dialog =>
            {
                Assert.False(((AddWorkerKindDialog)dialog).Ssh.Enabled);
                shell.Press(Key.Enter);
            }),
            (typeof(AddWorkerListeningDialog), modal =>
            {
                var dialog = (AddWorkerListeningDialog)modal;
                shownTrust = string.Concat(WorkersScreenTests.Descendants(dialog).Select(v => v.Text));
                dialog.NameField.Text = "tentacle-1";
                dialog.HostField.Text = "127.0.0.1";
                dialog.PortField.Text = agent!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                dialog.ThumbprintField.Text = agent.Thumbprint;
                Assert.Equal(["Default Worker Pool", "Remote"], dialog.Boxes.Select(b => b.Text));
                dialog.Boxes[0].Value = CheckState.UnChecked;
                dialog.Boxes[1].Value = CheckState.Checked;
                dialog.NameField.SetFocus();
                shell.Press(Key.Enter);
            }));

        Assert.Contains($"octolite tentacle configure --trust \\\n    {ServerThumbprint(shell.Server)}", shownTrust);
        shell.PumpUntil(() => !shell.Window.HintText.StartsWith("Registering", StringComparison.Ordinal), "the registration and connection check");
        Assert.False(shell.Window.HintIsError, shell.Window.HintText);
        Assert.StartsWith("Registered worker tentacle-1 (Workers-1); connection ok: tentacle ", shell.Window.HintText, StringComparison.Ordinal);
        var worker = Assert.Single(await shell.Api.WorkersAsync(CancellationToken.None));
        Assert.Equal($"https://127.0.0.1:{agent!.Port}/", worker.Endpoint.Uri);
        Assert.Equal(["WorkerPools-2"], worker.WorkerPoolIds);
    }

    [Fact(Timeout = 60_000)]
    public async Task Listening_WhenTheServerCannotReachTheTentacle_SaysSo_AndTheWorkerStaysRegistered()
    {
        await using var shell = await ShellHarness.StartAsync("workers", seed: SeedPool);
        shell.Refresh();
        var closed = ClosedPort();

        Modals(shell, () => shell.Type("a"),
            (typeof(AddWorkerKindDialog), dialog => ((AddWorkerKindDialog)dialog).Listening.InvokeCommand(Command.Accept)),
            (typeof(AddWorkerListeningDialog), modal =>
            {
                var dialog = (AddWorkerListeningDialog)modal;
                dialog.NameField.Text = "nowhere";
                dialog.HostField.Text = "127.0.0.1";
                dialog.PortField.Text = closed.ToString(System.Globalization.CultureInfo.InvariantCulture);
                dialog.ThumbprintField.Text = new string('A', 40);
                dialog.NameField.SetFocus();
                shell.Press(Key.Enter);
            }));

        shell.PumpUntil(() => shell.Window.HintIsError, "the failed connection check");
        Assert.StartsWith("Registered worker nowhere (Workers-1), but the server could not use the tentacle: ", shell.Window.HintText, StringComparison.Ordinal);
        Assert.Single(await shell.Api.WorkersAsync(CancellationToken.None));
    }

    [Fact(Timeout = 60_000)]
    public async Task Listening_WithABadPort_SaysWhy_AndRegistersNothing()
    {
        await using var shell = await ShellHarness.StartAsync("workers");
        shell.Refresh();

        Modals(shell, () => shell.Type("a"),
            (typeof(AddWorkerKindDialog), _ => shell.Press(Key.Enter)),
            (typeof(AddWorkerListeningDialog), modal =>
            {
                var dialog = (AddWorkerListeningDialog)modal;
                dialog.NameField.Text = "w";
                dialog.HostField.Text = "h";
                dialog.PortField.Text = "99999";
                dialog.NameField.SetFocus();
                shell.Press(Key.Enter);
            }));

        Assert.True(shell.Window.HintIsError);
        Assert.Contains("The port must be a number from 1 to 65535 (got '99999'). Nothing was registered.", shell.Window.HintText);
        Assert.Empty(await shell.Api.WorkersAsync(CancellationToken.None));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("build 01")]
    [InlineData("host:10933")]
    [InlineData("https://host")]
    [InlineData("a/b")]
    public async Task Listening_WithAHostThatIsNotANameOrAddress_SaysWhy_AndRegistersNothing(string host)
    {
        await using var shell = await ShellHarness.StartAsync("workers");
        shell.Refresh();

        Modals(shell, () => shell.Type("a"),
            (typeof(AddWorkerKindDialog), _ => shell.Press(Key.Enter)),
            (typeof(AddWorkerListeningDialog), modal =>
            {
                var dialog = (AddWorkerListeningDialog)modal;
                dialog.NameField.Text = "w";
                dialog.HostField.Text = host;
                dialog.PortField.Text = "10933";
                dialog.ThumbprintField.Text = new string('A', 40);
                dialog.NameField.SetFocus();
                shell.Press(Key.Enter);
            }));

        Assert.True(shell.Window.HintIsError, shell.Window.HintText);
        Assert.Contains($"The host must be a DNS name or an IP address alone, without a scheme, port, path or spaces (got '{host}')", shell.Window.HintText);
        Assert.EndsWith("Nothing was registered.", shell.Window.HintText, StringComparison.Ordinal);
        Assert.Empty(await shell.Api.WorkersAsync(CancellationToken.None));
    }

    [Fact(Timeout = 60_000)]
    public async Task Polling_ShowsTheRegisterCommand_ThenWaitsUntilTheWorkerRegisters()
    {
        await using var shell = await ShellHarness.StartAsync("workers", seed: SeedPool);
        shell.Refresh();
        var commands = "";
        var waited = "";

        Modals(shell, () => shell.Type("a"),
            (typeof(AddWorkerKindDialog), dialog => ((AddWorkerKindDialog)dialog).Polling.InvokeCommand(Command.Accept)),
            (typeof(AddWorkerPollingDialog), modal =>
            {
                var dialog = (AddWorkerPollingDialog)modal;
                dialog.NameField.Text = "poller 1";
                dialog.Boxes[1].Value = CheckState.Checked;
                dialog.NameField.SetFocus();
                shell.Press(Key.Enter);
            }),
            (typeof(AddWorkerPollingWaitDialog), modal =>
            {
                var dialog = (AddWorkerPollingWaitDialog)modal;
                commands = dialog.Commands;
                Assert.StartsWith("Waiting for worker 'poller 1'", dialog.Waiting, StringComparison.Ordinal);
                // Off the UI thread: its continuations must not wait for the loop this step is blocking.
                var (exitCode, output, error) = Task.Run(() => shell.Server.CliAsync("worker", "create", "--name", "poller 1", "--kind", "TentacleActive",
                    "--uri", "poll://abcdefghij0123456789/", "--thumbprint", new string('B', 40), "--pool", "Remote")).GetAwaiter().GetResult();
                Assert.True(exitCode == 0, output + error);
                var clock = Stopwatch.StartNew();
                while (dialog.Registered is null)
                {
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "The dialog never saw the worker.");
                    shell.Headless.Advance(AddWorkerPollingWaitDialog.PollEvery);
                    Thread.Sleep(10);
                }

                waited = dialog.Waiting;
                shell.Press(Key.Enter);
            }));

        var url = $"http://127.0.0.1:{shell.Server.TcpUrl.Port}";
        Assert.Contains($"  octolite tentacle register-worker --comms-style TentacleActive \\\n    --server {url} --api-key <KEY> \\\n    --name 'poller 1' --workerpool 'Default Worker Pool,Remote'\n", commands);
        Assert.Contains("octolite apikey create --name", commands);
        Assert.Equal("Worker 'poller 1' has registered (Workers-1). Close this to see it in the list.", waited);
        Assert.Equal("Worker poller 1 (Workers-1) has registered.", shell.Window.HintText);
    }

    /// <summary>
    /// Calls <paramref name="open"/>, which shows dialogs one after another; each step acts once inside the dialog of
    /// its type, in order. A dialog still open 10 s (real time) later is closed with everything, and the test fails.
    /// </summary>
    private static void Modals(ShellHarness shell, Action open, params (Type Type, Action<IRunnable> Act)[] steps)
    {
        var app = shell.Headless.App;
        var clock = Stopwatch.StartNew();
        var next = 0;
        IRunnable? last = null;
        Exception? failure = null;
        var timedOut = false;
        void OnIteration(object? sender, EventArgs<IApplication?> e)
        {
            if (next < steps.Length && app.TopRunnable is { } top && !ReferenceEquals(top, last) && top.GetType() == steps[next].Type)
            {
                last = top;
                try
                {
                    steps[next++].Act(top);
                }
                catch (Exception ex)
                {
                    failure = ex;
                    foreach (var session in app.SessionStack?.ToArray() ?? [])
                        app.RequestStop(session.Runnable);
                }
            }
            else if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                timedOut = true;
                foreach (var session in app.SessionStack?.ToArray() ?? [])
                    app.RequestStop(session.Runnable);
            }
        }

        app.Iteration += OnIteration;
        try
        {
            open();
        }
        finally
        {
            app.Iteration -= OnIteration;
        }

        if (failure is not null)
            throw new Xunit.Sdk.XunitException($"Step {next} failed: {failure}");
        Assert.False(timedOut, $"Dialogs were still open after 10 s; {next} of {steps.Length} steps ran.");
        Assert.True(steps.Length == next, $"{next} of {steps.Length} steps ran; the message line says: {shell.Window.HintText}");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
