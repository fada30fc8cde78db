namespace OctoLite.Domain;

/// <summary>
/// One step of a <see cref="DeploymentProcess"/>. Flattened from Octopus's step-with-actions: one step is one
/// action. New kinds and options are added as properties with defaults, so older process files stay valid.
/// Properties that belong to one kind are ignored by the others and must be left out for them.
/// </summary>
internal sealed record Step
{
    public const int DefaultMaxParallelism = 10;
    public const string DefaultCondition = "Success";
    public const string DefaultMutexName = "RunningScript";

    /// <summary>Assigned by the server ("Steps-N") and kept across edits of the process for a step of the same name.</summary>
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public StepKind Kind { get; init; } = StepKind.RunScript;
    public StartTrigger StartTrigger { get; init; } = StartTrigger.StartAfterPrevious;
    /// <summary>Success (run when every earlier step succeeded), Failure (only after a failure), Always, or a variable expression such as <c>#{RunSmokeTests}</c> (run when it expands to a value other than "", "False", "0" or "No").</summary>
    public string Condition { get; init; } = DefaultCondition;
    /// <summary>A required step cannot be skipped when a deployment is queued.</summary>
    public bool Required { get; init; }
    /// <summary>How long the step may run before it is stopped and the task times out; null means no step timeout.</summary>
    public TimeSpan? Timeout { get; init; }

    // Run a Script
    public ExecutionLocation ExecutionLocation { get; init; } = ExecutionLocation.WorkerPool;
    /// <summary>The pool's id (a name is accepted on input); empty for the default pool.</summary>
    public string WorkerPool { get; init; } = "";
    /// <summary>Target roles for <see cref="ExecutionLocation.WorkerPoolOnBehalfOfRoles"/>.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
    /// <summary>At most this many invocations of the step run at once (Octopus.Action.MaxParallelism); null for the variable or the default, 10.</summary>
    public int? MaxParallelism { get; init; }
    public ScriptSyntax Syntax { get; init; } = ScriptSyntax.Bash;
    /// <summary>The inline script body. Required for <see cref="StepKind.RunScript"/>.</summary>
    public string Script { get; init; } = "";
    /// <summary>
    /// Script isolation on the worker: None (default) runs alongside other scripts sharing <see cref="MutexName"/>,
    /// Full waits until it is the only one holding it.
    /// </summary>
    public ScriptIsolation Isolation { get; init; } = ScriptIsolation.None;
    /// <summary>The named mutex each script of the step holds on its worker; null (or absent, in processes stored before it existed) for <see cref="DefaultMutexName"/>.</summary>
    public string? MutexName { get; init; }
    /// <summary>How long a script may wait for its mutex before the step fails; null waits as long as it takes.</summary>
    public TimeSpan? MutexTimeout { get; init; }

    // Email (each field takes #{variables})
    public string To { get; init; } = "";
    public string Cc { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";

    // Manual intervention
    public string Instructions { get; init; } = "";
    /// <summary>Who may act on the intervention (team or user names); empty for anyone allowed to.</summary>
    public IReadOnlyList<string> ResponsibleTeams { get; init; } = [];

    // Import certificate (each field takes #{variables}, so the data and password can come from sensitive variables)
    /// <summary>The library name to import as; later steps read <c>#{Name.Thumbprint}</c> and friends.</summary>
    public string CertificateName { get; init; } = "";
    /// <summary>The certificate: PEM text, or a PFX/PEM file as base64.</summary>
    public string Certificate { get; init; } = "";
    public string CertificatePassword { get; init; } = "";
}
