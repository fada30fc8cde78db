using System.Globalization;
using System.Text.Json.Nodes;
using OctoLite.Domain;
using OctoLite.Tui.Widgets;

namespace OctoLite.Tui.Screens;

/// <summary>
/// The machine policies: how often workers are health-checked and how, what an unreachable worker means, and when
/// unavailable ones are deleted (CLEANUP). <c>e</c> changes the selected policy's health check interval.
/// </summary>
internal sealed class PoliciesScreen : Screen
{
    private readonly ResourceTable<MachinePolicy> _table;

    public PoliciesScreen(ScreenContext context) : base(context)
    {
        var symbols = context.Symbols;
        _table = new ResourceTable<MachinePolicy>(
        [
            new("NAME", p => p.Name, MaxWidth: 28),
            new("DEFAULT", p => p.IsDefault ? symbols.Yes + " yes" : ""),
            new("EVERY", p => Interval(p.HealthCheckInterval)),
            new("CHECK", p => p.HealthCheckType == HealthCheckType.RunScript ? "Script" : "Connect only"),
            // Whether an unreachable worker fails the health check (ExpectedToBeOnline) or is skipped.
            new("ONLINE", p => p.ConnectivityBehavior == MachineConnectivityBehavior.ExpectedToBeOnline ? "required" : "optional"),
            new("CLEANUP", Cleanup, p => p.DeleteMachinesBehavior == DeleteMachinesBehavior.DeleteUnavailableMachines ? Tone.Warning : Tone.Normal),
        ], p => p.Id, context.Options.Color);
        Add(_table);
        Keys =
        [
            new("e", "Interval", "Change the selected policy's health check interval", EditInterval, Mutates: true),
            new("s", "Sort", "Sort by the next column", _table.CycleSort),
        ];
    }

    public override string Caption => "Machine Policies";

    public override IReadOnlyList<ScreenKey> Keys { get; }

    public override bool CanFilter => true;

    public override string Filter => _table.Filter;

    public ResourceTable<MachinePolicy> Table => _table;

    public override void ApplyFilter(string text) => _table.Filter = text;

    public override async Task<Action> LoadAsync(CancellationToken cancellationToken)
    {
        var policies = (await Api.PoliciesAsync(cancellationToken))
            .OrderByDescending(p => p.IsDefault).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return () => _table.SetRows(policies);
    }

    /// <summary>"1h", "90s", "1h30m", "2d": the largest units that say it exactly.</summary>
    public static string Interval(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
            return "0s";

        var parts = new List<string>();
        if (value.Days > 0)
            parts.Add(value.Days.ToString(CultureInfo.InvariantCulture) + "d");
        if (value.Hours > 0)
            parts.Add(value.Hours.ToString(CultureInfo.InvariantCulture) + "h");
        if (value.Minutes > 0)
            parts.Add(value.Minutes.ToString(CultureInfo.InvariantCulture) + "m");
        if (value.Seconds > 0)
            parts.Add(value.Seconds.ToString(CultureInfo.InvariantCulture) + "s");
        return string.Concat(parts);
    }

    /// <summary>
    /// The longest interval accepted. The server sets no maximum, but its scheduler adds the interval to the time of the
    /// last check, so an interval near TimeSpan.MaxValue would overflow there; a year is already longer than any use.
    /// </summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromDays(365);

    /// <summary>Reads "90s", "15m", "1h30m", "2d" or "hh:mm:ss"; false with the reason when it cannot.</summary>
    public static bool TryParseInterval(string text, out TimeSpan value, out string problem)
    {
        problem = "";
        text = text.Trim();
        if (TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out value) && text.Contains(':', StringComparison.Ordinal) && value > TimeSpan.Zero)
            return value <= MaxInterval || TooLong(text, out value, out problem);

        value = TimeSpan.Zero;
        var number = 0L;
        var digits = 0;
        var tooLong = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                number = number * 10 + (c - '0');
                digits++;
                if (number > 1_000_000)
                {
                    tooLong = true;
                    break;
                }

                continue;
            }

            TimeSpan? unit = c switch { 'd' => TimeSpan.FromDays(1), 'h' => TimeSpan.FromHours(1), 'm' => TimeSpan.FromMinutes(1), 's' => TimeSpan.FromSeconds(1), _ => null };
            if (unit is null || digits == 0)
            {
                digits = -1;
                break;
            }

            // Each part is at most 1,000,000 days, so one part fits; the sum is checked against the maximum after each
            // part, so it never grows past MaxInterval plus one part and TimeSpan cannot overflow.
            value += unit.Value * number;
            (number, digits) = (0, 0);
            if (value > MaxInterval)
            {
                tooLong = true;
                break;
            }
        }

        if (tooLong)
            return TooLong(text, out value, out problem);

        if (digits != 0 || value < TimeSpan.FromSeconds(1))
        {
            problem = $"The interval must be like 90s, 15m, 1h30m, 2d or 01:00:00, and at least 1s (got '{text}'). Nothing was changed.";
            value = TimeSpan.Zero;
            return false;
        }

        return true;
    }

    private static bool TooLong(string text, out TimeSpan value, out string problem)
    {
        value = TimeSpan.Zero;
        problem = $"The interval must be at most {Interval(MaxInterval)} (got '{(text.Length > 40 ? text[..40] + "…" : text)}'). Nothing was changed.";
        return false;
    }

    private static string Cleanup(MachinePolicy policy) => policy.DeleteMachinesBehavior == DeleteMachinesBehavior.DoNotDelete
        ? "never"
        : $"after {Interval(policy.DeleteMachinesElapsedTimeSpan)} unavailable";

    private void EditInterval()
    {
        if (_table.Selected is not { } policy)
            return;

        if (Forms.Ask(App, $"Health checks of {policy.Name}", [new("Every", Interval(policy.HealthCheckInterval), "e.g. 90s, 15m, 1h30m, 2d (at least 1s)")]) is not { } values)
            return;

        if (!TryParseInterval(values[0], out var interval, out var problem))
        {
            Shell.Say(problem, error: true);
            return;
        }

        var patch = new JsonObject { ["HealthCheckInterval"] = interval.ToString("c", CultureInfo.InvariantCulture) };
        Shell.Run($"Saving {policy.Name}", async ct =>
        {
            var saved = await Api.UpdatePolicyAsync(policy.Id, patch, ct);
            return $"{saved.Name} checks its workers every {Interval(saved.HealthCheckInterval)}.";
        });
    }
}
