using System.Text.Json;
using System.Text.Json.Nodes;
using TriageBot.Connector.Schema;

namespace TriageBot.Connector.Tests.Schema;

/// <summary>The wire rules of PROTOCOL.md 1.1: camelCase out, any casing in, nulls and empty lists omitted, ordinal type values.</summary>
public sealed class ActivityJsonRulesTests
{
    /// <summary>Every top-level field of the Activity schema, spelled as in PROTOCOL.md 1.2 and Activity.cs of the SDK.</summary>
    private static readonly string[] SpecActivityFieldNames =
    [
        "type", "id", "timestamp", "localTimestamp", "localTimezone", "serviceUrl", "channelId", "from", "conversation",
        "recipient", "textFormat", "attachmentLayout", "membersAdded", "membersRemoved", "reactionsAdded", "reactionsRemoved",
        "topicName", "historyDisclosed", "locale", "text", "speak", "inputHint", "summary", "suggestedActions", "attachments",
        "entities", "channelData", "action", "replyToId", "label", "valueType", "value", "name", "relatesTo", "code",
        "expiration", "importance", "deliveryMode", "listenFor", "textHighlights", "semanticAction", "callerId",
    ];

    private static readonly string[] SpecConversationFieldNames =
        ["id", "name", "isGroup", "conversationType", "tenantId", "aadObjectId", "role"];

    private static readonly string[] SpecChannelAccountFieldNames = ["id", "name", "aadObjectId", "role"];

    [Fact]
    public void Serialize_EveryField_WritesTheSpecCamelCaseNames()
    {
        var written = JsonNode.Parse(ActivityJson.Serialize(ActivityJson.Deserialize(Fixtures.Read("every-field.json"))))!.AsObject();

        Assert.Equal(SpecActivityFieldNames.Order(StringComparer.Ordinal), written.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(SpecConversationFieldNames.Order(StringComparer.Ordinal), written["conversation"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(SpecChannelAccountFieldNames.Order(StringComparer.Ordinal), written["from"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Deserialize_EveryNamedField_BindsToTypedPropertiesNotExtensionData()
    {
        var activity = ActivityJson.Deserialize(Fixtures.Read("every-field.json"));

        Assert.Empty(activity.Properties ?? []);
        Assert.Empty(activity.From!.Properties ?? []);
        Assert.Empty(activity.Recipient!.Properties ?? []);
        Assert.Empty(activity.Conversation!.Properties ?? []);
        Assert.Empty(activity.Attachments![0].Properties ?? []);
        Assert.Empty(activity.ReactionsAdded![0].Properties ?? []);
        Assert.Empty(activity.SuggestedActions!.Properties ?? []);
        Assert.Empty(activity.SuggestedActions.Actions![0].Properties ?? []);
        Assert.Equal("29:user", activity.From.Id);
        Assert.Equal("72f988bf-0000-4000-8000-00000000a1b2", activity.Conversation.TenantId);
        Assert.True(activity.HistoryDisclosed);
        Assert.Equal(["yes", "no"], activity.ListenFor!);
        Assert.Equal(new DateTimeOffset(2025, 11, 21, 17, 0, 0, TimeSpan.Zero), activity.Expiration);
    }

    [Fact]
    public void Serialize_NestedObjects_UseCamelCaseNames()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ServiceUrl = "https://smba.trafficmanager.net/amer/",
            ReplyToId = "1732119790551",
            From = new ChannelAccount { Id = "28:bot", AadObjectId = "a" },
            Conversation = new ConversationAccount { Id = "a:1", ConversationType = "personal", TenantId = "t", IsGroup = false },
            Attachments = [Attachment.AdaptiveCard(new JsonObject { ["type"] = "AdaptiveCard" })],
            SuggestedActions = new SuggestedActions { Actions = [new CardAction { Type = "imBack", DisplayText = "Yes" }] },
        };

        var json = ActivityJson.Serialize(activity);

        const string Expected =
            """
            {"type":"message","serviceUrl":"https://smba.trafficmanager.net/amer/","from":{"id":"28:bot","aadObjectId":"a"},"conversation":{"id":"a:1","isGroup":false,"conversationType":"personal","tenantId":"t"},"suggestedActions":{"actions":[{"type":"imBack","displayText":"Yes"}]},"attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard"}}],"replyToId":"1732119790551"}
            """;
        Assert.Equal(Expected, json);
    }

    [Fact]
    public void Serialize_NullsAndEmptyLists_AreOmitted()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = null,
            From = new ChannelAccount { Id = "28:bot", Name = null },
            Entities = [],
            Attachments = [],
            MembersAdded = [],
            Properties = [],
        };

        Assert.Equal("""{"type":"message","from":{"id":"28:bot"}}""", ActivityJson.Serialize(activity));
    }

    [Fact]
    public void RoundTrip_ExplicitNullsOnTypedFields_AreDropped()
    {
        var activity = ActivityJson.Deserialize("""{"type":"message","text":null,"from":null,"value":null,"timestamp":null,"entities":null}""");

        Assert.Equal("""{"type":"message"}""", ActivityJson.Serialize(activity));
    }

    [Fact]
    public void Deserialize_WrongCasing_IsRead()
    {
        var activity = ActivityJson.Deserialize("""
            {"Type":"message","CONVERSATION":{"ID":"a:1","TenantID":"t"},"From":{"Id":"29:u","AADOBJECTID":"o"},
             "ServiceURL":"https://smba.trafficmanager.net/amer/","channelid":"msteams","ReplyToID":"9","ChannelData":{"Tenant":{"Id":"t"}}}
            """);

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("a:1", activity.Conversation!.Id);
        Assert.Equal("t", activity.Conversation.TenantId);
        Assert.Equal("o", activity.From!.AadObjectId);
        Assert.Equal("https://smba.trafficmanager.net/amer/", activity.ServiceUrl);
        Assert.Equal("msteams", activity.ChannelId);
        Assert.Equal("9", activity.ReplyToId);
        Assert.Empty(activity.Properties ?? []);
    }

    [Fact]
    public void Serialize_AfterReadingWrongCasing_WritesCamelCaseNames()
    {
        var activity = ActivityJson.Deserialize("""{"TYPE":"message","Conversation":{"Id":"a:1"},"ReplyToId":"9"}""");

        Assert.Equal("""{"type":"message","conversation":{"id":"a:1"},"replyToId":"9"}""", ActivityJson.Serialize(activity));
    }

    [Fact]
    public void Deserialize_TypeValue_IsKeptOrdinalNotNormalised()
    {
        // Spec A2011: type comparisons are ordinal, so "Message" is not a message; it is kept as sent and passed on.
        var activity = ActivityJson.Deserialize("""{"type":"Message","conversation":{"id":"a:1"}}""");

        Assert.Equal("Message", activity.Type);
        Assert.False(string.Equals(ActivityTypes.Message, activity.Type, StringComparison.Ordinal));
        Assert.Contains("\"type\":\"Message\"", ActivityJson.Serialize(activity), StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnknownEntityAndActivityTypes_AreKept()
    {
        var activity = ActivityJson.Deserialize("""{"type":"futureType","entities":[{"type":"Mention","x":1}]}""");

        Assert.Equal("futureType", activity.Type);
        Assert.Equal("Mention", activity.Entities![0].Type);
        Assert.NotEqual(Entity.MentionType, activity.Entities[0].Type);
    }

    [Fact]
    public void RoundTrip_Timestamps_KeepUtcAsZAndTheSendersOffset()
    {
        var written = JsonNode.Parse(ActivityJson.Serialize(ActivityJson.Deserialize(Fixtures.Read("teams-personal-message.json"))))!;

        Assert.Equal("2025-11-20T16:15:02.3947912Z", written["timestamp"]!.GetValue<string>());
        Assert.Equal("2025-11-20T09:15:02.3947912-07:00", written["localTimestamp"]!.GetValue<string>());
    }

    [Fact]
    public void Deserialize_LocalTimestampOffset_IsKeptOnTheValue()
    {
        var activity = ActivityJson.Deserialize(Fixtures.Read("teams-personal-message.json"));

        Assert.Equal(TimeSpan.FromHours(-7), activity.LocalTimestamp!.Value.Offset);
        Assert.Equal(activity.Timestamp!.Value.UtcTicks, activity.LocalTimestamp.Value.UtcTicks);
    }

    [Fact]
    public void Serialize_UtcTimestampGivenWithZeroOffset_IsWrittenWithZ()
    {
        var activity = ActivityJson.Deserialize("""{"type":"message","timestamp":"2025-11-20T16:15:02.5+00:00"}""");

        Assert.Equal("""{"type":"message","timestamp":"2025-11-20T16:15:02.5Z"}""", ActivityJson.Serialize(activity));
    }

    [Theory]
    [InlineData("""{"type":"message","timestamp":12}""")]
    [InlineData("""{"type":"message","timestamp":"yesterday"}""")]
    [InlineData("""{"type":"message","timestamp":{}}""")]
    [InlineData("""{"type":"message","membersAdded":{"id":"x"}}""")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{")]
    public void Deserialize_MalformedBody_ThrowsJsonException(string body)
    {
        // The host turns JsonException into 400; any other exception type would become a 500.
        Assert.ThrowsAny<JsonException>(() => ActivityJson.Deserialize(body));
    }

    [Fact]
    public void RoundTrip_UnknownFields_KeepTheirNamesAndNesting()
    {
        var activity = ActivityJson.Deserialize(Fixtures.Read("future-fields.json"));

        Assert.True(activity.Properties!.ContainsKey("deliveryChannel"));
        Assert.True(activity.Properties.ContainsKey("streamingHints"));
        Assert.Equal("alex.morgan@hillside.example", activity.From!.Properties!["userPrincipalName"].GetString());
        Assert.Equal(30, activity.Conversation!.Properties!["threadPolicy"].GetProperty("retentionDays").GetInt32());
        Assert.Equal("stacked", activity.SuggestedActions!.Properties!["layout"].GetString());
        Assert.Equal("checkmark", activity.SuggestedActions.Actions![0].Properties!["iconHint"].GetString());
        Assert.Equal("12345678901234567890", activity.Entities![1].Properties!["streamSequence"].GetRawText());
    }
}
