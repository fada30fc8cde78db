namespace OctoLite.Domain;

internal enum DeleteMachinesBehavior
{
    DoNotDelete,
    DeleteUnavailableMachines,
}
