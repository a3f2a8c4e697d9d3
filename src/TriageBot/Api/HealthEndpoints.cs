using TriageBot.Storage;

namespace TriageBot.Api;

/// <summary>GET /healthz: the process is alive. GET /readyz: the store can be reached, so turns can be saved.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Ok(new { status = "alive" }));
        endpoints.MapGet("/readyz", async (IStoreHealth store, CancellationToken cancellationToken) =>
            await store.IsReachableAsync(cancellationToken)
                ? Results.Ok(new { status = "ready" })
                : Results.Json(new { status = "store unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        return endpoints;
    }
}
