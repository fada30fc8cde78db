namespace OctoLite.Domain;

/// <summary>
/// What a step does. Octopus's action type "Octopus.Script" is <see cref="RunScript"/>; the other kinds always run
/// inside the server process and never start a process or run user code.
/// </summary>
internal enum StepKind
{
    RunScript,
    /// <summary>Sends an email over the server's SMTP settings (Octopus's "Send an Email").</summary>
    Email,
    /// <summary>Waits until someone proceeds or aborts (Octopus's "Manual Intervention Required").</summary>
    ManualIntervention,
    /// <summary>Imports a PFX or PEM certificate into the server's certificate library and exposes it to later steps.</summary>
    ImportCertificate,
}
