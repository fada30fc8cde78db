using OctoLite.Domain;
using OctoLite.Tui.Data;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OctoLite.Tui.Screens;

/// <summary>
/// The add-worker wizard's last step for a polling tentacle: the commands to run on the worker machine, then a
/// wait — reading the worker list every <see cref="PollEvery"/> — until a worker of that name appears.
/// </summary>
internal sealed class AddWorkerPollingWaitDialog : Dialog
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);

    private readonly TuiApi _api;
    private readonly string _name;
    private readonly Label _waiting;
    private object? _timer;
    private int _reading;

    public AddWorkerPollingWaitDialog(TuiApi api, string name, string commands)
    {
        _api = api;
        _name = name;
        Title = "Add a worker: run this on the worker machine";
        Border.Settings &= ~BorderSettings.TerminalTitle;
        Commands = commands;
        Add(new Label { X = 1, Y = 0, Text = commands });
        var lines = commands.Split('\n').Length;
        _waiting = new Label { X = 1, Y = lines + 1, Text = $"Waiting for worker '{name}' to register..." };
        Add(_waiting);
        AddButton(new Button { Text = "Close", IsDefault = true });
    }

    /// <summary>The instructions shown, commands included.</summary>
    public string Commands { get; }

    /// <summary>The line under the commands: waiting, or the worker that registered.</summary>
    public string Waiting => _waiting.Text;

    /// <summary>The worker that registered with the name, once it has.</summary>
    public Worker? Registered { get; private set; }

    protected override void OnIsRunningChanged(bool newIsRunning)
    {
        base.OnIsRunningChanged(newIsRunning);
        if (App is not { } app)
            return;

        if (newIsRunning)
        {
            _timer = app.AddTimeout(PollEvery, () =>
            {
                Look(app);
                return Registered is null;
            });
        }
        else if (_timer is not null)
        {
            app.RemoveTimeout(_timer);
            _timer = null;
        }
    }

    private void Look(IApplication app)
    {
        if (Registered is not null || Interlocked.Exchange(ref _reading, 1) == 1)
            return;

        _ = Task.Run(async () =>
        {
            Worker? found = null;
            string? problem = null;
            try
            {
                var workers = await _api.WorkersAsync(CancellationToken.None).ConfigureAwait(false);
                found = workers.FirstOrDefault(w => string.Equals(w.Name, _name, StringComparison.OrdinalIgnoreCase));
            }
            catch (Exception e)
            {
                problem = e.Message;
            }

            try
            {
                app.Invoke(() =>
                {
                    Volatile.Write(ref _reading, 0);
                    if (found is not null && Registered is null)
                    {
                        Registered = found;
                        _waiting.Text = $"Worker '{found.Name}' has registered ({found.Id}). Close this to see it in the list.";
                    }
                    else if (problem is not null)
                    {
                        _waiting.Text = $"Waiting for worker '{_name}' to register... (could not read the workers: {problem})";
                    }
                });
            }
            catch (NotInitializedException)
            {
                // Quit meanwhile.
            }
        });
    }
}
