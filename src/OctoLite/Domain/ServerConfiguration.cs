namespace OctoLite.Domain;

/// <summary>Server-wide settings, one document. Keys as the CLI names them: taskCap, builtInWorker.enabled, builtInWorker.runAs, smtp.*.</summary>
internal sealed record ServerConfiguration
{
    public const int DefaultTaskCap = 5;
    public const int MaxTaskCap = 1000;

    /// <summary>At most this many tasks execute at once on this node. Default 5.</summary>
    public int TaskCap { get; init; } = DefaultTaskCap;
    /// <summary>"Run steps on the server": whether the built-in worker may run steps. Default true.</summary>
    public bool BuiltInWorkerEnabled { get; init; } = true;
    /// <summary>The OS account the built-in worker runs steps as; empty means the server's own account.</summary>
    public string BuiltInWorkerRunAs { get; init; } = "";
    /// <summary>Keep each step's working folder (<c>work/&lt;taskId&gt;/&lt;stepId&gt;</c>) after the step instead of deleting it. Default false.</summary>
    public bool BuiltInWorkerKeepWorkingFolders { get; init; }
    /// <summary>Drained: this node starts no new tasks (queued ones wait); running tasks finish. Set with <c>octolite server drain</c>.</summary>
    public bool IsDraining { get; init; }

    public static readonly TimeSpan DefaultWorkerLeaseTimeout = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MaxWorkerLeaseTimeout = TimeSpan.FromDays(1);
    /// <summary>
    /// How long a starting task waits for a worker in each pool its process uses (<c>workerLeaseTimeout</c>) before
    /// it fails saying why none was free; 0 fails at once, at most a day. Null (as in configurations stored before
    /// it existed) means the default, 10 minutes: see <see cref="LeaseTimeout"/>.
    /// </summary>
    public TimeSpan? WorkerLeaseTimeout { get; init; }

    /// <summary>The lease timeout in effect: <see cref="WorkerLeaseTimeout"/> or its default (a method, so it is not serialized).</summary>
    public TimeSpan LeaseTimeout() => WorkerLeaseTimeout ?? DefaultWorkerLeaseTimeout;

    public const int DefaultSmtpPort = 25;
    /// <summary>The SMTP server email steps send through (<c>smtp.host</c>); empty means email is not configured.</summary>
    public string SmtpHost { get; init; } = "";
    /// <summary>The SMTP server's port (<c>smtp.port</c>), 1-65535. Default 25.</summary>
    public int SmtpPort { get; init; } = DefaultSmtpPort;
    /// <summary>
    /// Encrypt the SMTP connection (<c>smtp.enableSsl</c>): implicit TLS when the port is 465 (SMTPS), STARTTLS on any
    /// other port. When true the server never falls back to a clear connection. Default false.
    /// </summary>
    public bool SmtpEnableSsl { get; init; }
    /// <summary>The sender address of every email (<c>smtp.from</c>).</summary>
    public string SmtpFrom { get; init; } = "";
    /// <summary>The account to authenticate as (<c>smtp.username</c>, AUTH PLAIN or LOGIN); empty for no authentication.</summary>
    public string SmtpUsername { get; init; } = "";
    /// <summary>
    /// The SMTP password (<c>smtp.password</c>): encrypted at rest, never returned (null outside the server). On input,
    /// null or absent keeps the stored password, "" removes it, any other value replaces it.
    /// </summary>
    public string? SmtpPassword { get; init; }
    /// <summary>Whether an SMTP password is stored; read-only, set by the server.</summary>
    public bool SmtpPasswordIsSet { get; init; }
}
