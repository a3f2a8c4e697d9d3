using System.Text.Json.Nodes;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Protocols;
using TriageBot.Outbox;
using TriageBot.References;
using TriageBot.Storage;

namespace TriageBot.Escalations;

/// <summary>
/// Delivers escalation cards for the outbox: to the person's 1:1 chat with the bot when there is one, else to the
/// designated safeguarding channel naming them; keeps every delivered card's id so a decision can update them all.
/// A person who cannot be reached at all is passed over at once: the next person in the chain gets the card.
/// </summary>
public sealed partial class EscalationDelivery(
    IEscalationQueries escalationQueries,
    IStoreWriter writer,
    IEscalationStore escalations,
    IOutboxStore outbox,
    IKnownConversationStore conversations,
    IIncidentEventSource incidents,
    IConnectorClient connector,
    EscalationCards cards,
    SafeguardingChannelReference channel,
    ProtocolCatalog catalog,
    Microsoft.Extensions.Options.IOptions<EscalationOptions> options,
    TimeProvider time,
    Telemetry.TriageBotMetrics metrics,
    ILogger<EscalationDelivery> logger)
{
    /// <summary>Used when the bot has never heard from the safeguarding channel (Teams' global connector address).</summary>
    public const string DefaultTeamsServiceUrl = SafeguardingChannelReference.DefaultTeamsServiceUrl;

    /// <returns>The delivered activity id, or null when there was nothing to send (already decided).</returns>
    public async Task<string?> PostCardAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var escalation = await LoadAsync(message.EscalationId!, cancellationToken);
        if (escalation is null || !escalation.IsOpen)
        {
            return null;
        }

        var index = message.Payload["recipientIndex"]?.GetValue<int>() ?? 0;
        var delivered = await PostOpenCardAsync(escalation, message, index, cancellationToken);
        if (index == 0 && delivered is not null)
        {
            // Report to card: from the answer that called for the lead (the escalation's request time) to this delivery.
            metrics.FirstCardDelivered(escalation.Level, time.GetUtcNow() - escalation.RequestedAt);
        }

        return delivered;
    }

    private async Task<string?> PostOpenCardAsync(EscalationRecord escalation, OutboxMessage message, int index, CancellationToken cancellationToken)
    {
        var person = index < escalation.Chain.Count ? catalog.Rota.Person(escalation.Chain[index]) : null;
        var data = EscalationCardData.ForLead(escalation, await incidents.ReadAsync(escalation.IncidentId, cancellationToken), catalog, catalog.Rota.TimeZone);
        var note = message.Payload["note"]?.GetValue<string>();

        if (person is not null && await conversations.FindPersonalAsync(person.AadObjectId, person.Email, cancellationToken) is { } personal)
        {
            var sent = await SendAsync(personal.Reference, cards.ForLead(data, note), cancellationToken);
            await RecordCardAsync(escalation.Id, person.Id, personal.Reference, sent.Id!, cancellationToken);
            return sent.Id;
        }

        var member = person is not null && catalog.Rota.Channel.IsSet ? await FindInChannelAsync(person, cancellationToken) : null;
        if (person is not null && member is not null && await CreatePersonalAsync(person, member, cancellationToken) is { } created)
        {
            // Found in the safeguarding channel's members: a new 1:1 chat with them (Teams needs their 29: id and the tenant).
            var sent = await SendAsync(created, cards.ForLead(data, note), cancellationToken);
            await RecordCardAsync(escalation.Id, person.Id, created, sent.Id!, cancellationToken);
            return sent.Id;
        }

        if (catalog.Rota.Channel.IsSet)
        {
            var reference = await ChannelReferenceAsync(cancellationToken);
            var who = person is null ? "Nobody on the rota answered in time." : $"For {person.Name} ({person.Role}): the bot cannot message them directly.";
            var activity = cards.ForLead(data, note is null ? who : $"{note} {who}");
            if (person is not null && activity.Attachments?[0].Content is JsonObject card)
            {
                // Teams notifies them: an @mention on the card itself (by name only when no Teams id is known).
                CardMention.Add(card, person, "this escalation needs you.", member?.AadObjectId ?? member?.Id);
            }

            var sent = await SendAsync(reference, activity, cancellationToken);
            await RecordCardAsync(escalation.Id, person?.Id, reference, sent.Id!, cancellationToken);
            return sent.Id;
        }

        // Nobody to send it to for this person: go straight on to the next one rather than wait out the deadline.
        LogUnreachable(escalation.Id, index);
        await PassOverAsync(escalation, index, cancellationToken);
        return null;
    }

    /// <summary>Replaces every delivered card of the escalation with its current state (PUT), for everyone who has it.</summary>
    public async Task UpdateCardsAsync(string escalationId, CancellationToken cancellationToken)
    {
        var escalation = await LoadAsync(escalationId, cancellationToken);
        if (escalation is null)
        {
            return;
        }

        var events = await incidents.ReadAsync(escalation.IncidentId, cancellationToken);
        var activity = escalation.IsOpen
            ? cards.ForLead(EscalationCardData.ForLead(escalation, events, catalog, catalog.Rota.TimeZone))
            : cards.Decided(EscalationCardData.Decided(escalation, events, catalog, catalog.Rota.TimeZone));

        var delivered = await escalationQueries.CardsAsync(escalationId, null, cancellationToken);
        foreach (var card in delivered)
        {
            var update = new Activity
            {
                Type = ActivityTypes.Message,
                Id = card.ActivityId,
                Conversation = new ConversationAccount { Id = card.ConversationId },
                Summary = activity.Summary,
                Attachments = activity.Attachments,
            };
            await connector.UpdateActivityAsync(card.ServiceUrl, card.ConversationId, card.ActivityId, update, cancellationToken);
        }
    }

    /// <summary>The eyes-on check-in card to the reporter, while the escalation is still open.</summary>
    public async Task<string?> SendEyesOnCheckAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var escalation = await LoadAsync(message.EscalationId!, cancellationToken);
        if (escalation is null || !escalation.IsOpen || await ReferenceForAsync(message.Payload, cancellationToken) is not { } reference)
        {
            return null;
        }

        return (await SendAsync(reference, EyesOnChecks.Card(escalation.Id), cancellationToken)).Id;
    }

    /// <summary>A text to someone's stored conversation (the reporter, the channel).</summary>
    public async Task<string?> SendTextAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var text = message.Payload["text"]!.GetValue<string>();
        var reference = await ReferenceForAsync(message.Payload, cancellationToken);
        if (reference is null)
        {
            LogNoConversation(message.Id);
            return null;
        }

        var activity = new Activity { Type = ActivityTypes.Message, Text = text };
        return (await SendAsync(reference, activity, cancellationToken)).Id;
    }

    private async Task<ConversationReference?> ReferenceForAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        if (payload["channel"]?.GetValue<bool>() == true)
        {
            return catalog.Rota.Channel.IsSet ? await ChannelReferenceAsync(cancellationToken) : null;
        }

        var conversationId = payload["conversationId"]?.GetValue<string>();
        var userId = payload["userId"]?.GetValue<string>();
        return conversationId is null ? null : await conversations.FindReferenceAsync(conversationId, userId, cancellationToken);
    }

    /// <summary>
    /// The person among the safeguarding channel's members, found by Entra object id or email; null when they are not
    /// there or Teams will not say.
    /// </summary>
    private async Task<ChannelAccount?> FindInChannelAsync(Dialogs.Rota.RotaPerson person, CancellationToken cancellationToken)
    {
        var channel = await ChannelReferenceAsync(cancellationToken);
        try
        {
            var members = await connector.GetConversationMembersAsync(channel.ServiceUrl, channel.Conversation.Id!, cancellationToken);
            return members.FirstOrDefault(m => m.Id is not null && Dialogs.Rota.DutyResolver.Matches(person, m.AadObjectId, EmailOf(m)));
        }
        catch (ConnectorException exception)
        {
            LogNotCreated(exception.StatusCode);
            return null;
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or HttpRequestException)
        {
            LogNotCreated(0);
            return null;
        }
    }

    /// <summary>
    /// Creates a 1:1 conversation with someone the bot has never talked to, found among the safeguarding channel's
    /// members; null when Teams refuses (the channel post follows, mentioning them by their Teams id).
    /// </summary>
    private async Task<ConversationReference?> CreatePersonalAsync(Dialogs.Rota.RotaPerson person, ChannelAccount member, CancellationToken cancellationToken)
    {
        var channel = await ChannelReferenceAsync(cancellationToken);
        try
        {
            var tenant = channel.Conversation.TenantId ?? await AnyTenantAsync(cancellationToken);
            if (tenant is null)
            {
                return null;
            }

            var created = await connector.CreateConversationAsync(channel.ServiceUrl, new ConversationParameters
            {
                IsGroup = false,
                Members = [new ChannelAccount { Id = member.Id }],
                TenantId = tenant,
                Bot = channel.Bot,
            }, cancellationToken);
            if (created.Id is null)
            {
                return null;
            }

            var reference = new ConversationReference(
                created.ServiceUrl ?? channel.ServiceUrl,
                channel.ChannelId,
                new ConversationAccount { Id = created.Id, ConversationType = "personal", TenantId = tenant },
                member,
                channel.Bot,
                null,
                null);
            await conversations.UpsertAsync(new KnownConversation(channel.ChannelId, member.Id!, member.AadObjectId ?? person.AadObjectId, null, member.Name, tenant, true, reference, time.GetUtcNow()), cancellationToken);
            return reference;
        }
        catch (ConnectorException exception)
        {
            LogNotCreated(exception.StatusCode);
            return null;
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or HttpRequestException)
        {
            LogNotCreated(0);
            return null;
        }
    }

    // The school's tenant, as seen on any conversation (a channel the bot was never addressed in has none stored).
    private Task<string?> AnyTenantAsync(CancellationToken cancellationToken) => conversations.LatestTenantIdAsync(cancellationToken);

    private static string? EmailOf(ChannelAccount member)
    {
        foreach (var key in new[] { "email", "userPrincipalName" })
        {
            if (member.Properties?.TryGetValue(key, out var value) == true && value.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }

    private Task<ConversationReference> ChannelReferenceAsync(CancellationToken cancellationToken) => channel.GetAsync(cancellationToken);

    private Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        var proactive = reference.ToProactiveActivity();
        proactive.Summary = activity.Summary;
        proactive.Text = activity.Text;
        proactive.Attachments = activity.Attachments;
        return connector.SendToConversationAsync(reference.ServiceUrl, reference.Conversation.Id!, proactive, cancellationToken);
    }

    private async Task RecordCardAsync(string escalationId, string? personId, ConversationReference reference, string activityId, CancellationToken cancellationToken)
    {
        var card = new EscalationCard(escalationId, personId, reference.ServiceUrl, reference.Conversation.Id!, activityId, time.GetUtcNow());
        await writer.WriteAsync(write => escalations.RecordCardAsync(write, card), cancellationToken);
    }

    private async Task PassOverAsync(EscalationRecord escalation, int index, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(write => EscalationChain.MoveOnAsync(
            write, escalations, outbox, escalation, index, catalog, options.Value.ToTimeouts(), time, "could not be reached in Teams"), cancellationToken);
    }

    private Task<EscalationRecord?> LoadAsync(string escalationId, CancellationToken cancellationToken) =>
        escalationQueries.GetAsync(escalationId, null, cancellationToken);

    [LoggerMessage(1411, LogLevel.Warning, "Escalation {EscalationId}: person {Index} in the chain cannot be reached (no 1:1 chat, no channel); passing to the next")]
    private partial void LogUnreachable(string escalationId, int index);

    [LoggerMessage(1413, LogLevel.Warning, "A 1:1 chat could not be created with a duty lead found in the safeguarding channel (connector answered {StatusCode}); posting in the channel")]
    private partial void LogNotCreated(int statusCode);

    [LoggerMessage(1412, LogLevel.Warning, "Outbox message {MessageId}: no stored conversation to send it to")]
    private partial void LogNoConversation(long messageId);
}
