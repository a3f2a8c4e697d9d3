namespace TriageBot.Connector.Tests.Client;

/// <summary>What the loopback connector answers to the next request; <see cref="Hang"/> never answers.</summary>
internal sealed record ScriptedResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, bool Hang = false)
{
    public static ScriptedResponse Hanging { get; } = new(0, Hang: true);

    public static ScriptedResponse Json(int status, string body) => new(status, body);

    public static ScriptedResponse WithRetryAfter(int status, string retryAfter) =>
        new(status, """{"error":{"code":"Throttled","message":"Too many requests"}}""", new Dictionary<string, string> { ["Retry-After"] = retryAfter });
}
