namespace OctoLite.Domain;

/// <summary>When a step starts relative to the step before it.</summary>
internal enum StartTrigger
{
    /// <summary>After the previous steps have ended.</summary>
    StartAfterPrevious,
    /// <summary>Together with the previous step: the two run in parallel.</summary>
    StartWithPrevious,
}
