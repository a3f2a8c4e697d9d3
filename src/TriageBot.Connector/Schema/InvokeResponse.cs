using System.Text.Json.Nodes;

namespace TriageBot.Connector.Schema;

/// <summary>The answer to an invoke activity: it becomes the HTTP status and JSON body of the inbound request.</summary>
public sealed record InvokeResponse(int Status, JsonNode? Body)
{
    public static InvokeResponse NotImplemented { get; } = new(501, null);
}
