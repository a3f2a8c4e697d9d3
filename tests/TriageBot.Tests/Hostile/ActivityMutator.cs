using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TriageBot.Tests.Hostile;

/// <summary>
/// Seeded mutations of valid activities, as an attacker or a confused channel would send them: wrong JSON types for
/// known fields, strings for objects, arrays where objects belong, huge and deeply nested values, ids with control or
/// path characters or far too long, missing or odd <c>from</c>, card submits and <c>adaptiveCard/action</c> invokes
/// with missing, extra or wrongly typed data, invokes with odd names, duplicate keys. The same seed gives the same
/// bodies, so a failing case can be replayed from its number. Typed text and card values carry
/// <see cref="TypedMarker"/>, so a log that quotes them is caught; ids never do (ids are logged on purpose).
/// Shared with bench/TriageBot.Bench (linked), which runs it against a Release build.
/// </summary>
public sealed class ActivityMutator(int seed, string serviceUrl)
{
    public const string TypedMarker = "FUZZTYPED";

    private static readonly string[] Types = ["message", "conversationUpdate", "invoke", "installationUpdate", "messageReaction", "event", "typing", "endOfConversation", "messageUpdate", "messageDelete"];
    private static readonly string[] InvokeNames = ["adaptiveCard/action", "task/fetch", "task/submit", "composeExtension/query", "signin/verifyState", "", " ", "adaptiveCard/action ", "ADAPTIVECARD/ACTION", "../../admin", "config/fetch", "actionableMessage/executeAction", "fileConsent/invoke"];
    private static readonly string[] DataKeys = ["escalationId", "taskId", "eyesOn", "answer", "verb", "choice", "urgency", "note", "removeReferrals", "addReferrals", "referralsReason", "snoozeDays", "toPersonId", "question", "text", "action", "msteams"];
    private static readonly string[] Verbs = ["approve", "amend", "amend_referrals", "take_over", "decline", "ask", "done", "snooze", "reassign", "note", "still_with", "had_to_leave", "", "nonsense"];
    private static readonly string[] Paths = ["type", "id", "channelId", "serviceUrl", "from", "from.id", "from.name", "from.aadObjectId", "from.role", "recipient", "recipient.id", "conversation", "conversation.id", "conversation.conversationType", "conversation.isGroup", "conversation.tenantId", "text", "value", "name", "locale", "timestamp", "localTimestamp", "channelData", "channelData.tenant", "channelData.tenant.id", "channelData.team", "channelData.channel", "entities", "attachments", "membersAdded", "membersRemoved", "replyToId", "textFormat", "reactionsAdded", "suggestedActions", "relatesTo"];

    private readonly Random _random = new(seed);
    private int _case;

    /// <summary>The next request body (usually JSON, sometimes not quite) and what was done to it, for the failure message.</summary>
    public (string Body, string What) Next()
    {
        _case++;
        var activity = Base();
        var what = new List<string> { (activity["type"]?.ToString() ?? "?") + (activity["name"] is { } n ? $"({n})" : string.Empty) };
        var mutations = 1 + _random.Next(3);
        for (var i = 0; i < mutations; i++)
        {
            what.Add(Mutate(activity));
        }

        var body = activity.ToJsonString();
        if (_random.Next(40) == 0)
        {
            // Two values for one key: System.Text.Json keeps the last one silently unless told otherwise.
            body = "{\"type\":\"message\"," + body[1..];
            what.Add("duplicate key type");
        }
        else if (_random.Next(60) == 0)
        {
            body = body[..Math.Max(1, _random.Next(body.Length))];
            what.Add("truncated");
        }

        return (body, string.Join(", ", what));
    }

    private JsonObject Base()
    {
        var conversationId = Pick(["a:1" + Number(), "19:" + Number() + "@thread.tacv2", "19:meeting_" + Number(), "c-" + Number(), "c-" + Number() + ";messageid=" + Number()]);
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "f-" + Number(),
            ["timestamp"] = "2026-11-22T09:00:05.000Z",
            ["channelId"] = Pick(["msteams", "emulator", "webchat", "directline"]),
            ["serviceUrl"] = serviceUrl,
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = "29:" + Number(), ["name"] = "Staff", ["aadObjectId"] = Guid.NewGuid().ToString(), ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "TriageBot", ["role"] = "bot" },
            ["locale"] = "en-GB",
        };

        switch (_random.Next(8))
        {
            case 0:
                activity["type"] = "conversationUpdate";
                activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:bot" }, new JsonObject { ["id"] = activity["from"]!["id"]!.GetValue<string>() });
                break;
            case 1:
                activity["type"] = "invoke";
                activity["name"] = "adaptiveCard/action";
                activity["value"] = new JsonObject
                {
                    ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = Pick(Verbs), ["data"] = CardData() },
                    ["trigger"] = "manual",
                };
                break;
            case 2:
                activity["type"] = "invoke";
                activity["name"] = Pick(InvokeNames);
                activity["value"] = CardData();
                break;
            case 3:
                activity["text"] = string.Empty;
                activity["value"] = CardData();
                break;
            case 4:
                activity["type"] = Pick(Types);
                activity["text"] = Typed();
                break;
            default:
                activity["text"] = Pick([Typed(), "help", "status", "back", "cancel", "emergency", "get the DSL", "my follow-ups", "close follow-up " + _random.Next(100), "incident " + _random.Next(100), "my reports", "export", "outcomes", "a year 9 girl told me she wants to die " + TypedMarker]);
                break;
        }

        if (_random.Next(3) == 0)
        {
            activity["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = Guid.NewGuid().ToString() },
                ["team"] = new JsonObject { ["id"] = "19:team" + Number() },
                ["channel"] = new JsonObject { ["id"] = "19:channel" + Number() },
            };
            activity["conversation"]!["conversationType"] = Pick(["personal", "channel", "groupChat"]);
            activity["conversation"]!["tenantId"] = Guid.NewGuid().ToString();
        }

        if (_random.Next(4) == 0)
        {
            activity["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>TriageBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = "28:bot", ["name"] = "TriageBot" },
            });
        }

        return activity;
    }

    private JsonObject CardData()
    {
        var data = new JsonObject();
        var keys = _random.Next(4);
        for (var i = 0; i < keys; i++)
        {
            data[Pick(DataKeys)] = Value(depth: 0);
        }

        return data;
    }

    private string Mutate(JsonObject activity)
    {
        var path = Pick(Paths);
        switch (_random.Next(12))
        {
            case 0:
                Remove(activity, path);
                return $"removed {path}";
            case 1:
            case 2:
                Set(activity, path, WrongType());
                return $"wrong type at {path}";
            case 3:
                Set(activity, Pick(["conversation.id", "channelId", "from.id", "id", "replyToId", "recipient.id", "from.aadObjectId", "conversation.tenantId"]), OddId());
                return "odd id";
            case 4:
                Set(activity, Pick(["conversation.id", "channelId", "from.id", "id", "replyToId"]), new string('c', 400 + _random.Next(9000)) + Number());
                return "very long id";
            case 5:
                Set(activity, Pick(["text", "value", "channelData", "entities", "value.action.data", "attachments"]), Deep(20 + _random.Next(300)));
                return "deep value";
            case 6:
                Set(activity, Pick(["text", "value", "channelData", "from.name", "locale", "name"]), Huge());
                return "huge value";
            case 7:
                Set(activity, "from", Pick<JsonNode?>([null, new JsonObject(), new JsonObject { ["id"] = "" }, new JsonObject { ["role"] = "bot", ["id"] = "28:bot" }, new JsonObject { ["id"] = "unknown-" + Number() }, new JsonArray(), JsonValue.Create("from")]));
                return "odd from";
            case 8:
                Set(activity, Pick(["value", "value.action", "value.action.data", "value.action.type", "value.action.verb", "value." + Pick(DataKeys)]), Value(depth: 0));
                return "odd card data";
            case 9:
                activity["type"] = "invoke";
                activity["name"] = Pick([.. InvokeNames, Typed(), OddId()]);
                return "odd invoke";
            case 10:
                Set(activity, Pick(["serviceUrl"]), Pick<JsonNode?>(["", " ", "ftp://x", "http://", "/relative", "javascript:alert(1)", "http://[::1", "http://127.0.0.1:1/", "file:///etc/passwd", new string('h', 3000)]));
                return "odd serviceUrl";
            default:
                activity[Pick(["unknown", "$type", "__proto__", "constructor", "valueType", "semanticAction", "textHighlights"])] = Value(depth: 0);
                return "extra field";
        }
    }

    private JsonNode? WrongType() => _random.Next(8) switch
    {
        0 => JsonValue.Create(_random.Next()),
        1 => JsonValue.Create(_random.NextDouble() * 1e300),
        2 => JsonValue.Create(_random.Next(2) == 0),
        3 => new JsonArray(JsonValue.Create(1), JsonValue.Create("x")),
        4 => new JsonObject { ["id"] = JsonValue.Create(1) },
        5 => null,
        6 => JsonValue.Create("not-" + Number()),
        _ => new JsonArray(new JsonObject { ["id"] = "x" }),
    };

    private JsonNode? Value(int depth) => _random.Next(depth > 2 ? 6 : 9) switch
    {
        0 => JsonValue.Create(Typed()),
        1 => JsonValue.Create(_random.Next(-5, 1_000_000)),
        2 => JsonValue.Create(_random.Next(2) == 0),
        3 => null,
        4 => JsonValue.Create(Pick(Verbs)),
        5 => JsonValue.Create(Guid.NewGuid().ToString()),
        6 => new JsonArray(Value(depth + 1), Value(depth + 1)),
        7 => new JsonObject { [Pick(DataKeys)] = Value(depth + 1), [Pick(DataKeys)] = Value(depth + 1) },
        _ => JsonValue.Create(long.MaxValue),
    };

    private static JsonNode Deep(int depth)
    {
        JsonNode node = JsonValue.Create(TypedMarker);
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["d"] = node };
        }

        return node;
    }

    private JsonNode Huge() => _random.Next(3) switch
    {
        0 => JsonValue.Create(TypedMarker + new string('x', 50_000 + _random.Next(200_000))),
        1 => new JsonArray([.. Enumerable.Range(0, 5_000 + _random.Next(20_000)).Select(i => (JsonNode?)JsonValue.Create(i))]),
        _ => new JsonObject(Enumerable.Range(0, 2_000 + _random.Next(5_000)).Select(i => KeyValuePair.Create("k" + i.ToString(CultureInfo.InvariantCulture), (JsonNode?)JsonValue.Create(i)))),
    };

    private string OddId()
    {
        var builder = new StringBuilder(Pick(["", " ", "\t", "../../etc/passwd", "..\\..\\x", "a/b/c", "%2e%2e%2f", "a\u0000b", "line\nbreak", "\u202eabc", "😀😀", "a|b|c", "'; DROP TABLE conversation_state;--", "?x=1#y"]));
        builder.Append(Number());
        if (_random.Next(2) == 0)
        {
            builder.Append((char)_random.Next(0, 32));
        }

        return builder.ToString();
    }

    private string Typed() => $"{TypedMarker} {Pick(["she told me", "bruises", "JB Y9", "yes", "no", "done", "1", "Skip for now"])} {_case}";

    private string Number() => _random.Next().ToString(CultureInfo.InvariantCulture);

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private static void Remove(JsonObject root, string path)
    {
        var (parent, key) = Parent(root, path, create: false);
        parent?.Remove(key);
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var (parent, key) = Parent(root, path, create: true);
        if (parent is not null)
        {
            parent[key] = value;
        }
    }

    private static (JsonObject? Parent, string Key) Parent(JsonObject root, string path, bool create)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is JsonObject child)
            {
                node = child;
            }
            else if (create)
            {
                child = [];
                node[part] = child;
                node = child;
            }
            else
            {
                return (null, parts[^1]);
            }
        }

        return (node, parts[^1]);
    }
}
