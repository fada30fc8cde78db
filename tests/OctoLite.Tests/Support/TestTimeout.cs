namespace OctoLite.Tests.Support;

/// <summary>Each test gets its own timeout token, so a hang fails one test instead of the run.</summary>
internal static class TestTimeout
{
    public static CancellationToken Token(int seconds = 30) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
