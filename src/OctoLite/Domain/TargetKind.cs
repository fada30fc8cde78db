namespace OctoLite.Domain;

/// <summary>What a deployment target is. A Cloud Region has no agent of its own: its steps run on workers.</summary>
internal enum TargetKind
{
    CloudRegion,
}
