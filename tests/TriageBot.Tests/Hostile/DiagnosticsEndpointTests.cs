using System.Net;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Hostile;

/// <summary>The full-GC endpoint the bench and the fuzz test measure memory with exists only when Diagnostics:FullGcEndpoint turns it on.</summary>
public sealed class DiagnosticsEndpointTests
{
    [Fact]
    public async Task FullGcEndpoint_IsOffByDefault_AndAnswersWhenTurnedOn()
    {
        await using (var byDefault = await TestBotHost.StartAsync())
        {
            using var response = await byDefault.Client.PostAsync("/diagnostics/gc", content: null);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        await using var turnedOn = await TestBotHost.StartAsync(new Dictionary<string, string?> { ["Diagnostics:FullGcEndpoint"] = "true" });
        using var collected = await turnedOn.Client.PostAsync("/diagnostics/gc", content: null);
        Assert.Equal(HttpStatusCode.OK, collected.StatusCode);
        Assert.Contains("managedBytes", await collected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
