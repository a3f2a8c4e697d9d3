namespace TriageBot.Connector.Schema;

/// <summary>The connector's error body: { "error": { "code", "message", "innerHttpError" } }.</summary>
public sealed class ErrorResponse
{
    public ErrorDetail? Error { get; set; }
}

public sealed class ErrorDetail
{
    public string? Code { get; set; }
    public string? Message { get; set; }
    public InnerHttpError? InnerHttpError { get; set; }
}

public sealed class InnerHttpError
{
    public int? StatusCode { get; set; }
    public System.Text.Json.Nodes.JsonNode? Body { get; set; }
}
