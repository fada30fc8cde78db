namespace OctoLite.Scripting.RunAs;

/// <summary>
/// The OS account a step runs as when it is not the server's own: its ids as the passwd and group databases gave
/// them when the step started (see <see cref="Find"/>).
/// </summary>
/// <param name="Name">The user name.</param>
/// <param name="Uid">Its user id.</param>
/// <param name="Gid">Its primary group id.</param>
/// <param name="Home">Its home folder as the passwd entry says (it need not exist: system accounts often have none).</param>
/// <param name="Groups">Its primary and supplementary groups, as <c>initgroups(3)</c> would set them.</param>
internal sealed record RunAsAccount(string Name, uint Uid, uint Gid, string Home, IReadOnlyList<uint> Groups)
{
    /// <summary>
    /// Looks <paramref name="name"/> up through libc (so NSS users — LDAP, sssd — count too); null when there is no
    /// such user. Reads the databases each time: an account deleted or changed since the last step is seen.
    /// </summary>
    /// <exception cref="IOException">The lookup itself failed (an unreachable directory service, say).</exception>
    public static RunAsAccount? Find(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return name.Contains('\0') ? null : AccountDatabase.Find(name);
    }

    /// <summary>The effective user id of the server process.</summary>
    public static uint ServerUid => AccountDatabase.EffectiveUid();

    /// <summary>Whether the server runs as root and so may start processes as any account.</summary>
    public static bool ServerIsRoot => ServerUid == 0;

    /// <summary>Whether this is the account the server runs as (then nothing needs switching).</summary>
    public bool IsServerAccount => Uid == ServerUid;
}
