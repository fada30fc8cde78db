using System.Globalization;
using OctoLite.Domain;
using OctoLite.Tui.Widgets;
using Terminal.Gui.Views;

namespace OctoLite.Tui.Screens;

/// <summary>The audit trail, newest first: who changed what and when. Enter shows an event's before/after details.</summary>
internal sealed class AuditScreen : Screen
{
    /// <summary>How many of the newest events the screen reads.</summary>
    public const int Shown = 500;

    private readonly ResourceTable<AuditEvent> _table;

    public AuditScreen(ScreenContext context) : base(context)
    {
        _table = new ResourceTable<AuditEvent>(
        [
            new("WHEN (UTC)", e => e.Occurred.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            new("WHO", e => e.Who, MaxWidth: 16),
            new("WHAT", e => e.Category, e => e.Category == "Deleted" ? Tone.Warning : e.Category.Contains("Failure", StringComparison.Ordinal) ? Tone.Bad : Tone.Normal),
            new("DOCUMENT", e => e.DocumentId, MaxWidth: 22),
            new("MESSAGE", e => e.Message),
        ], e => e.Id, context.Options.Color);
        _table.RowActivated += ShowDetails;
        Add(_table);
        Keys =
        [
            new("Enter", "Details", "Show the selected event's before/after details", () => ShowDetails(_table.Selected)),
        ];
    }

    public override string Caption => "Audit trail";

    public override IReadOnlyList<ScreenKey> Keys { get; }

    public override bool CanFilter => true;

    public override string Filter => _table.Filter;

    public override void ApplyFilter(string text) => _table.Filter = text;

    public ResourceTable<AuditEvent> Table => _table;

    public override async Task<Action> LoadAsync(CancellationToken cancellationToken)
    {
        var events = await Api.AuditAsync(Shown, cancellationToken);
        return () => _table.SetRows(events);
    }

    private void ShowDetails(AuditEvent? audit)
    {
        if (audit is null || App is not { } app)
            return;

        var details = audit.Details.Length > 0 ? audit.Details : "(no field changes recorded)";
        MessageBox.Query(app, $"{audit.Category} {audit.DocumentId}", $"{audit.Message}\n\n{details}\n\nby {audit.Who}", "Close");
    }
}
