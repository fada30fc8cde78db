namespace OctoLite.Scripting.Masking;

/// <summary>
/// Replaces sensitive values in log text with <see cref="MaskText"/>. One per task: register every sensitive
/// variable's value before the script starts, then each value a script reveals later (<c>mask</c> and sensitive
/// <c>setVariable</c> messages), and pass every line through <see cref="Mask"/> before it is stored or shown.
/// </summary>
/// <remarks>
/// <para>Thread-safe. <see cref="Mask"/> takes no lock: it reads an immutable <see cref="MaskingSnapshot"/>.
/// <see cref="Add"/> only records the secret; the next <see cref="Mask"/> rebuilds the snapshot once, so a burst
/// of additions costs one rebuild. A secret applies to every <see cref="Mask"/> call that starts after
/// <see cref="Add"/> returns.</para>
/// <para>Matching is ordinal (case-sensitive, no Unicode normalisation), like Octopus.</para>
/// </remarks>
internal sealed class SecretMasker
{
    /// <summary>What a secret is replaced with: eight asterisks, as in Octopus task logs.</summary>
    public const string MaskText = "********";

    /// <summary>
    /// The default <see cref="MinimumLength"/>: 3. A one- or two-character value cannot be hidden by masking (the
    /// positions of the asterisks give it away and it can be guessed), while masking every "a" or "42" in a log
    /// would make the log unreadable. From three characters on, masking is kept even if it is noisy, because a
    /// leaked short password is worse than an over-masked log.
    /// </summary>
    public const int DefaultMinimumLength = 3;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _patterns = new(StringComparer.Ordinal);
    private volatile MaskingSnapshot? _snapshot = MaskingSnapshot.Empty;

    /// <summary>A masker ignoring secrets (and derived forms) shorter than <paramref name="minimumLength"/>.</summary>
    public SecretMasker(int minimumLength = DefaultMinimumLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumLength, 1);
        MinimumLength = minimumLength;
    }

    /// <summary>Secrets whose trimmed text is shorter than this are not masked; see <see cref="DefaultMinimumLength"/>.</summary>
    public int MinimumLength { get; }

    /// <summary>
    /// Masks <paramref name="secret"/> and its derived forms (<see cref="SecretForms"/>) from now on.
    /// Adding a secret twice is harmless.
    /// </summary>
    /// <returns>False when the value is ignored: null, empty, whitespace or shorter than <see cref="MinimumLength"/> once trimmed.</returns>
    public bool Add(string? secret)
    {
        if (secret is null || secret.AsSpan().Trim().Length < MinimumLength)
            return false;
        lock (_gate)
        {
            var changed = false;
            foreach (var form in SecretForms.Of(secret))
            {
                if (form.Length >= MinimumLength && !string.IsNullOrWhiteSpace(form) && _patterns.Add(form))
                    changed = true;
            }
            if (changed)
                _snapshot = null;
        }
        return true;
    }

    /// <summary>Adds each of <paramref name="secrets"/>; see <see cref="Add"/>.</summary>
    public void AddRange(IEnumerable<string?> secrets)
    {
        foreach (var secret in secrets)
            Add(secret);
    }

    /// <summary>
    /// <paramref name="text"/> with every occurrence of every registered form replaced by <see cref="MaskText"/>;
    /// overlapping or adjacent occurrences become one mask. Returns the same instance, allocating nothing, when nothing matches.
    /// </summary>
    public string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var snapshot = _snapshot ?? Rebuild();
        return snapshot.Mask(text, MaskText);
    }

    /// <summary>
    /// Whether <paramref name="utf8"/>, valid UTF-8, holds any registered form: when false, <see cref="Mask"/> would
    /// return its decoded text unchanged, so it can be stored as it is. Allocates nothing.
    /// </summary>
    public bool Finds(ReadOnlySpan<byte> utf8)
    {
        var snapshot = _snapshot ?? Rebuild();
        return snapshot.Finds(utf8);
    }

    private MaskingSnapshot Rebuild()
    {
        lock (_gate)
            return _snapshot ??= new MaskingSnapshot(_patterns.ToArray());
    }
}
