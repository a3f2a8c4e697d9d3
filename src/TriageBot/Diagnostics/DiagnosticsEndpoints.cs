using System.Runtime;

namespace TriageBot.Diagnostics;

/// <summary>POST /diagnostics/gc, only when Diagnostics:FullGcEndpoint is true (bench/ and the fuzz test measure RSS after it).</summary>
public static class DiagnosticsEndpoints
{
    public static IEndpointRouteBuilder MapDiagnosticsEndpoints(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (configuration.GetSection(DiagnosticsOptions.SectionName).Get<DiagnosticsOptions>()?.FullGcEndpoint != true)
        {
            return endpoints;
        }

        endpoints.MapPost("/diagnostics/gc", () =>
        {
            // Aggressive: compacts and gives freed segments back to the OS, so RSS afterwards shows what is really held.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return Results.Ok(new { managedBytes = GC.GetTotalMemory(forceFullCollection: false) });
        });
        return endpoints;
    }
}
