using Microsoft.Extensions.Logging;

namespace TriageBot.Connector.Authentication.Inbound;

/// <summary>Log lines of inbound authentication. They carry reasons and addresses, never tokens or claims.</summary>
internal static partial class InboundAuthenticationLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "Inbound request rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Debug, Message = "Inbound request authenticated as {Caller}")]
    public static partial void Accepted(ILogger logger, InboundCaller caller);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Signing keys refreshed from {MetadataUrl}: {KeyCount} keys")]
    public static partial void SigningKeysRefreshed(ILogger logger, string metadataUrl, int keyCount);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "Could not refresh signing keys from {MetadataUrl}")]
    public static partial void SigningKeysRefreshFailed(ILogger logger, string metadataUrl, Exception exception);
}
