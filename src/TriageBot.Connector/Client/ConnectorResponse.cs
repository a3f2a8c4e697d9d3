namespace TriageBot.Connector.Client;

/// <summary>
/// What one attempt got back, read completely so the retry logic and the error can use it after the
/// HttpResponseMessage is gone.
/// </summary>
internal sealed record ConnectorResponse(int StatusCode, string Body, TimeSpan? RetryAfter, string? CorrelationId)
{
    public bool IsSuccess => StatusCode is 200 or 201 or 202 or 204;
}
