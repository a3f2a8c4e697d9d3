using Microsoft.Extensions.Logging;

namespace TriageBot.Connector.Client;

/// <summary>Log lines of the connector client. They carry operation, status and timing only, never activity content.</summary>
internal static partial class ConnectorClientLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Connector {Operation} attempt {Attempt} failed ({Outcome}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string? operation, int attempt, string outcome, TimeSpan delay);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Connector {Operation} answered {StatusCode}")]
    public static partial void Succeeded(ILogger logger, string operation, int statusCode);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Connector {Operation} failed with {StatusCode} (correlation {CorrelationId})")]
    public static partial void Failed(ILogger logger, string operation, int statusCode, string? correlationId);
}
