using System.Diagnostics.CodeAnalysis;

namespace OctoLite.Server;

/// <summary>A value, or the <see cref="Server.Problem"/> that prevented it. Failure is data, not an exception.</summary>
internal readonly struct Result<T>
{
    private Result(T? value, Problem? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }
    public Problem? Problem { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsSuccess => Problem is null;

    /// <summary>The value changed by <paramref name="change"/>, or the same problem.</summary>
    public Result<TOut> Map<TOut>(Func<T, TOut> change) => IsSuccess ? change(Value) : Problem;

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Problem problem) => new(default, problem);
}
