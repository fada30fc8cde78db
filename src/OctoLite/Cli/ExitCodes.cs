namespace OctoLite.Cli;

/// <summary>The CLI's documented exit codes; scripts depend on them.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    /// <summary>Bad usage or input that failed validation; nothing changed.</summary>
    public const int Usage = 2;
    public const int CancelledOrTimedOut = 3;
    /// <summary>Missing, wrong or revoked API key, or not permitted.</summary>
    public const int Auth = 4;
    /// <summary>No server answered at the address used.</summary>
    public const int Unreachable = 5;
}
