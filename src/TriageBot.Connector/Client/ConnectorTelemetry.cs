using System.Diagnostics;

namespace TriageBot.Connector.Client;

/// <summary>
/// One span per connector operation (SendToConversation, UpdateActivity...), around its attempts; each attempt's HTTP
/// call is a child span when HTTP client tracing is on. The span names the operation and the status, never the
/// conversation or activity ids in the URL.
/// </summary>
public static class ConnectorTelemetry
{
    public const string SourceName = "TriageBot.Connector";

    internal static readonly ActivitySource Source = new(SourceName);
}
