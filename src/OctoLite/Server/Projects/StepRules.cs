using OctoLite.Domain;
using OctoLite.Server.Pools;
using OctoLite.Storage;

namespace OctoLite.Server.Projects;

/// <summary>
/// The rules of one step, by kind. A property that belongs to another kind is refused rather than ignored, so a
/// typo such as an email step with a <c>script</c> is caught when the process is saved, not when it runs.
/// </summary>
internal static class StepRules
{
    /// <summary>The longest mutex timeout a step may ask for.</summary>
    public static readonly TimeSpan MaxMutexTimeout = TimeSpan.FromDays(7);

    public const int MaxScriptLength = 256 * 1024;
    public const int MaxTextLength = 64 * 1024;
    public const int MaxParallelismLimit = 1000;
    public const int MaxMutexNameLength = 100;

    private static readonly string[] Keywords = ["Success", "Failure", "Always"];

    /// <summary>Checks <paramref name="step"/> (already given defaults) and returns it normalised: pool as an id, roles trimmed, condition keyword capitalised.</summary>
    public static Result<Step> Validate(StoreSession s, Step step, string path, bool isFirst)
    {
        if (!Enum.IsDefined(step.Kind))
        {
            return Problem.Invalid($"{path}.Kind", $"{path}.Kind must be one of {string.Join(", ", Enum.GetNames<StepKind>())}.");
        }

        if (!Enum.IsDefined(step.StartTrigger))
        {
            return Problem.Invalid($"{path}.StartTrigger", $"{path}.StartTrigger must be one of {string.Join(", ", Enum.GetNames<StartTrigger>())}.");
        }

        if (isFirst && step.StartTrigger == StartTrigger.StartWithPrevious)
        {
            return Problem.Invalid($"{path}.StartTrigger", $"{path}.StartTrigger cannot be StartWithPrevious on the first step: there is no previous step to start with.");
        }

        if (step.Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            return Problem.Invalid($"{path}.Timeout", $"{path}.Timeout must be positive, such as \"00:10:00\" (got {timeout:c}); leave it out for no timeout.");
        }

        var condition = Condition(step.Condition, $"{path}.Condition");
        if (!condition.IsSuccess)
        {
            return condition.Problem;
        }

        step = step with { Condition = condition.Value };
        var foreign = Foreign(step).FirstOrDefault();
        if (foreign is not null)
        {
            return Problem.Invalid($"{path}.{foreign}", $"{path}.{foreign} does not apply to a {step.Kind} step; leave it out.");
        }

        return step.Kind switch
        {
            StepKind.RunScript => Script(s, step, path),
            StepKind.Email => Email(step, path),
            StepKind.ManualIntervention => Intervention(step, path),
            _ => Certificate(step, path),
        };
    }

    /// <summary>Whether a step with this condition runs, given whether an earlier step failed; null when the condition is a variable expression.</summary>
    public static bool? Runs(string condition, bool anyFailed) => condition switch
    {
        "Success" => !anyFailed,
        "Failure" => anyFailed,
        "Always" => true,
        _ => null,
    };

    /// <summary>Octopus's truthiness for variable conditions: anything but "", "False", "0" and "No" (ignoring case and surrounding spaces).</summary>
    public static bool IsTruthy(string value) =>
        value.Trim() is var v && v.Length > 0 && !Names.Same(v, "False") && v != "0" && !Names.Same(v, "No");

    private static Result<string> Condition(string condition, string field)
    {
        var trimmed = condition.Trim();
        if (trimmed.Length == 0)
        {
            return Step.DefaultCondition;
        }

        if (Keywords.FirstOrDefault(k => Names.Same(k, trimmed)) is { } keyword)
        {
            return keyword;
        }

        if (trimmed.Contains("#{", StringComparison.Ordinal))
        {
            return trimmed;
        }

        return Problem.Invalid(field, $"{field} must be Success, Failure, Always or a variable expression such as \"#{{RunSmokeTests}}\" (got '{trimmed}').");
    }

    private static Result<Step> Script(StoreSession s, Step step, string path)
    {
        if (!Enum.IsDefined(step.Syntax))
        {
            return Problem.Invalid($"{path}.Syntax", $"{path}.Syntax must be one of {string.Join(", ", Enum.GetNames<ScriptSyntax>())}.");
        }

        if (string.IsNullOrWhiteSpace(step.Script))
        {
            return Problem.Invalid($"{path}.Script", $"{path}.Script is required: a Run a Script step needs a script body.");
        }

        if (step.Script.Length > MaxScriptLength)
        {
            return Problem.Invalid($"{path}.Script", $"{path}.Script must be at most {MaxScriptLength} characters (it has {step.Script.Length}).");
        }

        if (!Enum.IsDefined(step.ExecutionLocation))
        {
            return Problem.Invalid($"{path}.ExecutionLocation", $"{path}.ExecutionLocation must be one of {string.Join(", ", Enum.GetNames<ExecutionLocation>())}.");
        }

        if (step.MaxParallelism is { } max && (max < 1 || max > MaxParallelismLimit))
        {
            return Problem.Invalid($"{path}.MaxParallelism", $"{path}.MaxParallelism must be between 1 and {MaxParallelismLimit} (got {max}); leave it out for the default, {Step.DefaultMaxParallelism}.");
        }

        if (Mutex(step, path) is { } mutexProblem)
        {
            return mutexProblem;
        }

        var pool = "";
        if (step.WorkerPool.Trim().Length > 0)
        {
            if (step.ExecutionLocation == ExecutionLocation.BuiltInWorker)
            {
                return Problem.Invalid($"{path}.WorkerPool", $"{path}.WorkerPool does not apply when ExecutionLocation is BuiltInWorker; leave it out, or use ExecutionLocation WorkerPool.");
            }

            var found = WorkerPoolService.Find(s, step.WorkerPool.Trim());
            if (!found.IsSuccess)
            {
                return Problem.Invalid($"{path}.WorkerPool", $"{path}.WorkerPool: {found.Problem.Detail}");
            }

            pool = found.Value.Id;
        }

        var roles = Tags(step.Roles);
        if (step.ExecutionLocation == ExecutionLocation.WorkerPoolOnBehalfOfRoles)
        {
            if (roles.Count == 0)
            {
                return Problem.Invalid($"{path}.Roles", $"{path}.Roles is required when ExecutionLocation is WorkerPoolOnBehalfOfRoles: the target roles the step runs on behalf of, e.g. [\"web\"].");
            }

            if (roles.FirstOrDefault(r => r.Contains(',', StringComparison.Ordinal) || r.Any(char.IsControl)) is { } bad)
            {
                return Problem.Invalid($"{path}.Roles", $"{path}.Roles: '{bad}' is not a role name (no commas or control characters).");
            }
        }
        else if (roles.Count > 0)
        {
            return Problem.Invalid($"{path}.Roles", $"{path}.Roles applies only when ExecutionLocation is WorkerPoolOnBehalfOfRoles; leave it out or change the execution location.");
        }

        return step with { WorkerPool = pool, Roles = roles, MutexName = string.IsNullOrWhiteSpace(step.MutexName) ? null : step.MutexName.Trim() };
    }

    /// <summary>Isolation None or Full; a mutex name of at most <see cref="MaxMutexNameLength"/> printable characters; a positive mutex timeout.</summary>
    private static Problem? Mutex(Step step, string path)
    {
        if (!Enum.IsDefined(step.Isolation))
        {
            return Problem.Invalid($"{path}.Isolation", $"{path}.Isolation must be one of {string.Join(", ", Enum.GetNames<ScriptIsolation>())}.");
        }

        var name = (step.MutexName ?? "").Trim();
        if (name.Length > MaxMutexNameLength || name.Any(char.IsControl))
        {
            return Problem.Invalid($"{path}.MutexName", $"{path}.MutexName must be at most {MaxMutexNameLength} characters without control characters; leave it out for \"{Step.DefaultMutexName}\".");
        }

        if (step.MutexTimeout is { } tooLong && tooLong > MaxMutexTimeout)
        {
            return Problem.Invalid($"{path}.MutexTimeout", $"{path}.MutexTimeout must be at most {MaxMutexTimeout:c} (got {tooLong:c}); leave it out to wait as long as it takes.");
        }

        if (step.MutexTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            return Problem.Invalid($"{path}.MutexTimeout", $"{path}.MutexTimeout must be positive, such as \"00:05:00\" (got {timeout:c}); leave it out to wait as long as it takes.");
        }

        return null;
    }

    private static Result<Step> Email(Step step, string path)
    {
        if (step.To.Trim().Length == 0)
        {
            return Problem.Invalid($"{path}.To", $"{path}.To is required: one or more addresses separated by commas or semicolons (variables allowed).");
        }

        if (step.Subject.Trim().Length == 0)
        {
            return Problem.Invalid($"{path}.Subject", $"{path}.Subject is required.");
        }

        return TooLong(step, path, (nameof(Step.Body), step.Body), (nameof(Step.Subject), step.Subject), (nameof(Step.To), step.To), (nameof(Step.Cc), step.Cc)) is { } problem
            ? problem
            : step with { To = step.To.Trim(), Cc = step.Cc.Trim() };
    }

    private static Result<Step> Intervention(Step step, string path)
    {
        if (step.Instructions.Trim().Length == 0)
        {
            return Problem.Invalid($"{path}.Instructions", $"{path}.Instructions is required: tell whoever acts on it what to check before proceeding.");
        }

        return TooLong(step, path, (nameof(Step.Instructions), step.Instructions)) is { } problem
            ? problem
            : step with { ResponsibleTeams = Tags(step.ResponsibleTeams) };
    }

    private static Result<Step> Certificate(Step step, string path)
    {
        var name = Names.Validate(step.CertificateName, $"{path}.CertificateName");
        if (!name.IsSuccess)
        {
            return name.Problem;
        }

        // A process is stored in clear, snapshotted into releases and tasks and returned by the API: secrets in it
        // must be references to sensitive variables, never the secrets themselves.
        if (step.CertificatePassword.Length > 0 && !IsReference(step.CertificatePassword))
        {
            return Problem.Invalid($"{path}.CertificatePassword", $"{path}.CertificatePassword must name a sensitive variable, such as \"#{{SitePfxPassword}}\", not hold the password itself.");
        }

        if (step.Certificate.Trim().Length > 0
            && (step.Certificate.Contains("PRIVATE KEY", StringComparison.Ordinal) || (!IsReference(step.Certificate) && !step.Certificate.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))))
        {
            return Problem.Invalid($"{path}.Certificate", $"{path}.Certificate must name a sensitive variable holding the PFX or PEM (such as \"#{{SiteCertificate}}\"); only a PEM certificate without its private key may be written inline.");
        }

        if (step.Certificate.Trim().Length == 0)
        {
            return Problem.Invalid($"{path}.Certificate", $"{path}.Certificate is required: PEM text, or a PFX or PEM file as base64 — usually a sensitive variable such as \"#{{SiteCertificate}}\".");
        }

        return TooLong(step, path, (nameof(Step.Certificate), step.Certificate), (nameof(Step.CertificatePassword), step.CertificatePassword)) is { } problem
            ? problem
            : step with { CertificateName = name.Value };
    }

    private static Problem? TooLong(Step step, string path, params (string Name, string Value)[] fields) =>
        fields.FirstOrDefault(f => f.Value.Length > MaxTextLength) is { Name: not null } field
            ? Problem.Invalid($"{path}.{field.Name}", $"{path}.{field.Name} must be at most {MaxTextLength} characters (it has {field.Value.Length}) in a {step.Kind} step.")
            : null;

    /// <summary>The properties set on <paramref name="step"/> that belong to another kind.</summary>
    private static IEnumerable<string> Foreign(Step step)
    {
        var defaults = new Step();
        var fields = new (StepKind Kind, string Name, bool IsSet)[]
        {
            (StepKind.RunScript, nameof(Step.Script), step.Script.Length > 0),
            (StepKind.RunScript, nameof(Step.Syntax), step.Syntax != defaults.Syntax),
            (StepKind.RunScript, nameof(Step.ExecutionLocation), step.ExecutionLocation != defaults.ExecutionLocation),
            (StepKind.RunScript, nameof(Step.WorkerPool), step.WorkerPool.Length > 0),
            (StepKind.RunScript, nameof(Step.Roles), step.Roles.Count > 0),
            (StepKind.RunScript, nameof(Step.MaxParallelism), step.MaxParallelism is not null),
            (StepKind.Email, nameof(Step.To), step.To.Length > 0),
            (StepKind.Email, nameof(Step.Cc), step.Cc.Length > 0),
            (StepKind.Email, nameof(Step.Subject), step.Subject.Length > 0),
            (StepKind.Email, nameof(Step.Body), step.Body.Length > 0),
            (StepKind.ManualIntervention, nameof(Step.Instructions), step.Instructions.Length > 0),
            (StepKind.ManualIntervention, nameof(Step.ResponsibleTeams), step.ResponsibleTeams.Count > 0),
            (StepKind.ImportCertificate, nameof(Step.CertificateName), step.CertificateName.Length > 0),
            (StepKind.ImportCertificate, nameof(Step.Certificate), step.Certificate.Length > 0),
            (StepKind.ImportCertificate, nameof(Step.CertificatePassword), step.CertificatePassword.Length > 0),
            (StepKind.RunScript, nameof(Step.Timeout), step.Timeout is not null),
            (StepKind.RunScript, nameof(Step.Isolation), step.Isolation != defaults.Isolation),
            (StepKind.RunScript, nameof(Step.MutexName), step.MutexName is { Length: > 0 }),
            (StepKind.RunScript, nameof(Step.MutexTimeout), step.MutexTimeout is not null),
        };
        return fields.Where(f => f.IsSet && f.Kind != step.Kind).Select(f => f.Name);
    }

    /// <summary>A value that is one variable reference, e.g. <c>#{SitePassword}</c>.</summary>
    private static bool IsReference(string value) =>
        value.Trim() is var v && v.StartsWith("#{", StringComparison.Ordinal) && v.EndsWith('}') && v.IndexOf('}') == v.Length - 1;

    private static List<string> Tags(IReadOnlyList<string> values) =>
        values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
