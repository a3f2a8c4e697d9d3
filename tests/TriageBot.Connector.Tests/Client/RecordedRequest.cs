namespace TriageBot.Connector.Tests.Client;

/// <summary>One request as the loopback connector saw it: the raw (still escaped) path, headers and body.</summary>
internal sealed record RecordedRequest(string Method, string RawPath, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Authorization => Headers.TryGetValue("Authorization", out var value) ? value : null;
}
