using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Connector.Schema;
using TriageBot.Invokes;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Hostile;

/// <summary>Issue 13: a real fault of ours is a 500 with a correlation id, and one log line with that id: no stack, no message.</summary>
public sealed class UnexpectedFaultTests
{
    [Fact]
    public async Task AnUnhandledException_Is500WithACorrelationId_AndOneLogLineWithoutStackOrMessage()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = await TestBotHost.StartAsync(overrideServices: services => services.AddSingleton<IInvokeHandler, FaultyHandler>());
        var invoke = Activities.Message(connector.ServiceUrl, "c-fault", string.Empty);
        invoke["type"] = "invoke";
        invoke["name"] = FaultyHandler.InvokeName;

        using var response = await host.Client.PostAsync(invoke);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        await host.StopAsync();
        var lines = host.ReadLogFiles().Split('\n');

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var correlationId = problem["correlationId"]!.GetValue<string>();
        Assert.Contains(correlationId, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // The correlation id is the request's trace id, so every line of the request carries it; one of them is the fault.
        var logged = Assert.Single(lines, line => line.Contains(correlationId, StringComparison.Ordinal) && line.Contains("\"Error\"", StringComparison.Ordinal));
        Assert.Contains("FaultyHandler", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, line => line.Contains("   at ", StringComparison.Ordinal));
        Assert.DoesNotContain(FaultyHandler.Secret, string.Join('\n', lines), StringComparison.Ordinal);
    }

    private sealed class FaultyHandler : IInvokeHandler
    {
        public const string InvokeName = "test/fault";
        public const string Secret = "what staff typed about JB";

        public string Name => InvokeName;

        public Task<InvokeResponse> HandleAsync(Activity activity, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);
    }
}
