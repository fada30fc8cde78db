namespace OctoLite.Tui.Widgets;

/// <summary>A column of a <see cref="ResourceTable{T}"/>: its header, its text per row and, optionally, its tone.</summary>
internal sealed record TableColumn<T>(string Header, Func<T, string> Text, Func<T, Tone>? Tone = null, int? MaxWidth = null);
