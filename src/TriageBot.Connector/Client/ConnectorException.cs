using System.Globalization;
using System.Text.Json;
using TriageBot.Connector.Schema;

namespace TriageBot.Connector.Client;

/// <summary>
/// A connector call that did not succeed, after any retries. <see cref="StatusCode"/> is 0 when no HTTP answer arrived
/// (network failure or timeout; see <see cref="Exception.InnerException"/>). The message names the operation, the status
/// and the error body, never the activity that was sent.
/// </summary>
public sealed class ConnectorException : Exception
{
    // Error bodies are short; the cap only keeps a misbehaving endpoint (an HTML error page) out of the log line.
    private const int MaxBodyInMessage = 1000;

    public ConnectorException()
        : this("The connector call failed.")
    {
    }

    public ConnectorException(string message)
        : this(message, innerException: null)
    {
    }

    public ConnectorException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
    }

    private ConnectorException(string operation, int statusCode, string? body, TimeSpan? retryAfter, string? correlationId, string message, Exception? innerException)
        : base(message, innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        Body = body;
        Error = ParseError(body);
        RetryAfter = retryAfter;
        CorrelationId = correlationId;
    }

    /// <summary>The connector operation, e.g. ReplyToActivity.</summary>
    public string Operation { get; }

    /// <summary>HTTP status of the last attempt; 0 when there was no HTTP answer.</summary>
    public int StatusCode { get; }

    /// <summary>The raw error body. Teams sometimes answers in its own shape ({"errorCode":209,"message":...}), so it is always kept.</summary>
    public string? Body { get; }

    /// <summary>The body parsed as the standard { "error": { "code", "message" } } shape, when it has that shape.</summary>
    public ErrorResponse? Error { get; }

    /// <summary>The Retry-After the connector asked for (throttling), if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>MS-CV or X-Correlating-OperationId of the failed response, for support requests.</summary>
    public string? CorrelationId { get; }

    internal static ConnectorException FromResponse(string operation, ConnectorResponse response)
    {
        var body = response.Body.Length > MaxBodyInMessage ? string.Concat(response.Body.AsSpan(0, MaxBodyInMessage), "...") : response.Body;
        var message = string.Format(CultureInfo.InvariantCulture, "Connector {0} failed with {1}: {2}", operation, response.StatusCode, body);
        return new ConnectorException(operation, response.StatusCode, response.Body, response.RetryAfter, response.CorrelationId, message, innerException: null);
    }

    internal static ConnectorException FromUnreadableBody(string operation, ConnectorResponse response, JsonException error) =>
        new(operation, response.StatusCode, response.Body, response.RetryAfter, response.CorrelationId,
            string.Format(CultureInfo.InvariantCulture, "Connector {0} answered {1} with a body that is not the expected JSON.", operation, response.StatusCode),
            error);

    internal static ConnectorException WithoutResponse(string operation, Exception error) =>
        new(operation, 0, body: null, retryAfter: null, correlationId: null,
            string.Format(CultureInfo.InvariantCulture, "Connector {0} failed without an HTTP response: {1}", operation, error.Message),
            error);

    private static ErrorResponse? ParseError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<ErrorResponse>(body, ActivityJson.Options);
            return parsed?.Error is null ? null : parsed;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
