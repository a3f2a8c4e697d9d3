using System.Text.Json;
using TriageBot.Connector.Schema;

namespace TriageBot.Api;

/// <summary>
/// The checks an activity must pass before anything runs, each refusing with 400 naming the field: JSON nested deeper
/// than MessagesEndpoint:MaxJsonDepth, a key given twice in one object (case-insensitively, as the activity is read),
/// the fields a turn cannot do without (type, conversation.id, an absolute http(s) serviceUrl), and ids that are blank,
/// longer than MessagesEndpoint:MaxIdLength or hold control characters (ids become keys in memory, in the store and
/// in log lines); the sender's name and the locale, which are stored with the conversation reference and the turn,
/// are held to the same length and characters.
/// </summary>
public static class ActivityFieldCheck
{
    private const int MaxServiceUrlLength = 2048;

    /// <summary>Depth and duplicate keys, before the body is bound to an activity. Malformed JSON is left to the reader, which says where.</summary>
    public static RequestProblem? CheckJson(ReadOnlySpan<byte> body, int maxDepth)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        var keys = new Stack<HashSet<string>?>();
        var path = new List<string>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (reader.CurrentDepth >= maxDepth)
                        {
                            // The top-level field it is under: the full path would be dozens of levels long.
                            var field = path.Count > 1 ? path[1] : property ?? "$";
                            return Invalid(field, $"'{field}' is nested deeper than {maxDepth} levels (MessagesEndpoint:MaxJsonDepth).");
                        }

                        path.Add(property ?? (keys.Count > 0 ? "[]" : string.Empty));
                        keys.Push(reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : null);
                        property = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        keys.Pop();
                        path.RemoveAt(path.Count - 1);
                        property = null;
                        break;
                    case JsonTokenType.PropertyName:
                        property = reader.GetString()!;
                        if (keys.Peek() is { } seen && !seen.Add(property))
                        {
                            return Invalid(FieldOf(path, property), $"The key '{FieldOf(path, property)}' is given more than once.");
                        }

                        break;
                    default:
                        property = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    /// <summary>The fields of a bound activity.</summary>
    public static RequestProblem? CheckFields(Activity activity, MessagesEndpointOptions options)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return Invalid("type", "The activity has no 'type'.");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return Invalid("conversation.id", "The activity has no 'conversation.id'.");
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return Invalid("serviceUrl", "The activity has no 'serviceUrl': the bot would not know where to reply.");
        }

        if (activity.ServiceUrl.Length > MaxServiceUrlLength
            || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(serviceUrl.Host))
        {
            return Invalid("serviceUrl", "'serviceUrl' must be an absolute http or https URL.");
        }

        return CheckId("type", activity.Type, options)
            ?? CheckId("conversation.id", activity.Conversation.Id, options)
            ?? CheckId("id", activity.Id, options)
            ?? CheckId("channelId", activity.ChannelId, options)
            ?? CheckId("replyToId", activity.ReplyToId, options)
            ?? CheckId("from.id", activity.From?.Id, options, blankAllowed: true)
            ?? CheckId("from.aadObjectId", activity.From?.AadObjectId, options, blankAllowed: true)
            ?? CheckId("recipient.id", activity.Recipient?.Id, options, blankAllowed: true)
            ?? CheckId("conversation.tenantId", activity.Conversation.TenantId, options, blankAllowed: true)
            ?? CheckId("name", activity.Name, options, blankAllowed: true)
            ?? CheckId("from.name", activity.From?.Name, options, blankAllowed: true)
            ?? CheckId("locale", activity.Locale, options, blankAllowed: true);
    }

    private static RequestProblem? CheckId(string field, string? id, MessagesEndpointOptions options, bool blankAllowed = false)
    {
        if (id is null)
        {
            return null;
        }

        if (!blankAllowed && string.IsNullOrWhiteSpace(id))
        {
            return Invalid(field, $"'{field}' is blank.");
        }

        if (id.Length > options.MaxIdLength)
        {
            return Invalid(field, $"'{field}' is longer than {options.MaxIdLength} characters (MessagesEndpoint:MaxIdLength).");
        }

        return id.Any(char.IsControl)
            ? Invalid(field, $"'{field}' contains control characters.")
            : null;
    }

    private static string FieldOf(List<string> path, string? property) =>
        string.Join('.', path.Skip(1).Append(property ?? string.Empty).Where(part => part.Length > 0)).Replace(".[]", "[]", StringComparison.Ordinal) is { Length: > 0 } field ? field : "$";

    private static RequestProblem Invalid(string field, string detail) => new(400, "Invalid activity", detail, field);
}
