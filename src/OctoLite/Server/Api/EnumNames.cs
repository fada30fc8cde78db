using OctoLite.Domain;

namespace OctoLite.Server.Api;

/// <summary>The accepted values of each enum the API reads, for error messages.</summary>
internal static class EnumNames
{
    public static string? For(string typeName) => typeName switch
    {
        nameof(WorkerPoolType) => Join<WorkerPoolType>(),
        nameof(CommunicationStyle) => Join<CommunicationStyle>(),
        nameof(HealthStatus) => Join<HealthStatus>(),
        nameof(HealthCheckType) => Join<HealthCheckType>(),
        nameof(DeleteMachinesBehavior) => Join<DeleteMachinesBehavior>(),
        _ => null,
    };

    private static string Join<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());
}
