using OctoLite.Domain;
using OctoLite.Server.Pools;

namespace OctoLite.Server.Api;

/// <summary><c>/api/machinepolicies</c>: list, get, create, update, delete.</summary>
internal static class MachinePoliciesApi
{
    private static readonly ApiJsonContext Json = ApiJsonContext.Default;

    public static RouteGroupBuilder MapMachinePoliciesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/machinepolicies");

        group.MapGet("/", (MachinePolicyService policies, int? skip, int? take) =>
            ApiResults.Ok(Paging.Page("MachinePolicy", policies.List(), skip, take), Json.ResourceCollectionMachinePolicy));

        group.MapGet("/all", (MachinePolicyService policies) => TypedResults.Json(policies.List(), Json.IReadOnlyListMachinePolicy));

        group.MapGet("/{idOrName}", (MachinePolicyService policies, string idOrName) => ApiResults.Ok(policies.Find(idOrName), Json.MachinePolicy));

        group.MapPost("/", async (HttpContext context, MachinePolicyService policies, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            if (!body.IsSuccess)
            {
                return ApiResults.Problem(body.Problem);
            }

            var input = JsonInput.Merge(new MachinePolicy(), body.Value, Json.MachinePolicy);
            var created = input.IsSuccess ? policies.Create(input.Value, RequestActor.Get(context)) : input;
            return ApiResults.Created(created, Json.MachinePolicy, p => $"/api/machinepolicies/{p.Id}");
        });

        group.MapPut("/{idOrName}", async (HttpContext context, MachinePolicyService policies, string idOrName, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            if (!body.IsSuccess)
            {
                return ApiResults.Problem(body.Problem);
            }

            var updated = policies.Update(idOrName, current => JsonInput.Merge(current, body.Value, Json.MachinePolicy), RequestActor.Get(context));
            return ApiResults.Ok(updated, Json.MachinePolicy);
        });

        group.MapDelete("/{idOrName}", (HttpContext context, MachinePolicyService policies, string idOrName) =>
            ApiResults.Ok(policies.Delete(idOrName, RequestActor.Get(context)), Json.MachinePolicy));

        return group;
    }
}
