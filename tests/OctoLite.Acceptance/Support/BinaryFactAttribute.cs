namespace OctoLite.Acceptance.Support;

/// <summary>
/// A fact that needs the published binary. xunit 2 reads <see cref="FactAttribute.Skip"/> at
/// discovery, so the decision is made here, once per test, from the environment: skipped with the
/// reason when <c>OCTOLITE_BINARY</c> is unset, unless <c>OCTOLITE_REQUIRE_BINARY=1</c>, in which
/// case the test runs and fails on its first use of <see cref="OctoLiteBinary.Path"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BinaryFactAttribute : FactAttribute
{
    public BinaryFactAttribute()
    {
        if (OctoLiteBinary.SkipReason is { } reason)
            Skip = reason;
    }
}
