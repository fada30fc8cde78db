using System.Text.Json.Nodes;
using OctoLite.Cli;
using OctoLite.Cli.Config;
using OctoLite.Tui.Widgets;

namespace OctoLite.Tui.Screens;

/// <summary>
/// The server's settings under the names <c>octolite config</c> uses, plus the default pool. Enter edits the selected
/// one: the new value is checked as the CLI checks it, confirmed, then saved (the server audits the change).
/// </summary>
internal sealed class ConfigScreen : Screen
{
    public const string DefaultPoolSetting = "defaultPool";

    private const string SmtpPassword = "smtp.password";

    private readonly ResourceTable<ConfigRow> _table;
    private IReadOnlyList<Domain.WorkerPool> _pools = [];

    public ConfigScreen(ScreenContext context) : base(context)
    {
        _table = new ResourceTable<ConfigRow>(
        [
            new("SETTING", r => r.Name),
            new("VALUE", r => r.Value.Length == 0 ? "(empty)" : r.Value, r => r.Value.Length == 0 ? Tone.Dim : Tone.Normal, MaxWidth: 30),
            new("ABOUT", r => r.Help),
        ], r => r.Name, context.Options.Color);
        _table.RowActivated += Edit;
        Add(_table);
        Keys =
        [
            new("Enter", "Edit", "Change the selected setting (asks to confirm)", () => Edit(_table.Selected), Mutates: true),
        ];
    }

    public override string Caption => "Configuration";

    public override IReadOnlyList<ScreenKey> Keys { get; }

    public override bool CanFilter => true;

    public override string Filter => _table.Filter;

    public override void ApplyFilter(string text) => _table.Filter = text;

    public ResourceTable<ConfigRow> Table => _table;

    public override async Task<Action> LoadAsync(CancellationToken cancellationToken)
    {
        var configuration = await Api.ConfigurationAsync(cancellationToken);
        var pools = await Api.PoolsAsync(cancellationToken);
        var rows = new List<ConfigRow>
        {
            new(DefaultPoolSetting, pools.FirstOrDefault(p => p.IsDefault)?.Name ?? "", "The pool steps run on when they name none (pool set-default)", null),
        };
        rows.AddRange(ConfigKey.All.Select(k => new ConfigRow(k.Name, k.Show(configuration), k.Help, k)));
        return () =>
        {
            _pools = pools;
            _table.SetRows(rows);
        };
    }

    private void Edit(ConfigRow? row)
    {
        if (row is null)
            return;
        if (Context.Options.ReadOnly)
        {
            Shell.Say("Read-only: settings cannot be changed (started with --readonly).", error: true);
            return;
        }

        var secret = row.Key?.Name == SmtpPassword;
        if (Ask(row, secret) is not { } values)
            return;

        var text = values[0];
        if (row.Key is null)
        {
            SetDefaultPool(row, text.Trim());
            return;
        }

        JsonNode? value;
        try
        {
            value = row.Key.Parse(text);
        }
        catch (CliException e)
        {
            Shell.Say(e.Message + " Nothing was changed.", error: true);
            return;
        }

        var question = !secret ? $"Set {row.Name} to '{text.Trim()}'?"
            : text.Length == 0 ? "Remove the SMTP password?"
            : $"Set {row.Name} to the new password?";
        if (!Shell.Confirm("Change setting", question))
            return;

        var key = row.Key;
        Shell.Run($"Saving {row.Name}", async ct =>
        {
            var saved = await Api.UpdateConfigurationAsync(new JsonObject { [key.Field] = value }, ct);
            return $"{key.Name} = {key.Show(saved)}";
        });
    }

    /// <summary>
    /// Asks for the new value. The SMTP password starts empty (it is never shown) and is typed masked, so it does not
    /// appear on the screen, over an SSH session or in a recording of it.
    /// </summary>
    private IReadOnlyList<string>? Ask(ConfigRow row, bool secret)
    {
        if (App is null)
            return null;

        using var dialog = new FormDialog($"Set {row.Name}", [new("Value", secret ? "" : row.Value, row.Help)]);
        dialog.Fields[0].Secret = secret;
        App.Run(dialog);
        return dialog.Values;
    }

    private void SetDefaultPool(ConfigRow row, string name)
    {
        var pool = _pools.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) || p.Id == name);
        if (pool is null)
        {
            Shell.Say($"There is no worker pool called '{name}'. Pools: {string.Join(", ", _pools.Select(p => p.Name))}. Nothing was changed.", error: true);
            return;
        }

        if (pool.IsDefault || !Shell.Confirm("Default pool", $"Make {pool.Name} the default pool (now {row.Value})?"))
            return;

        Shell.Run($"Making {pool.Name} the default pool", async ct =>
        {
            await Api.UpdatePoolAsync(pool.Id, new JsonObject { ["IsDefault"] = true }, ct);
            return $"{pool.Name} is now the default pool.";
        });
    }
}
