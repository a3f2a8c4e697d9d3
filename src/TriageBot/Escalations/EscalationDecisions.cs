using System.Text.Json.Nodes;
using TriageBot.Dialogs.Escalations;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Protocols.Loading;
using TriageBot.Dialogs.Rota;
using TriageBot.Dialogs.Turns;
using TriageBot.Outbox;
using TriageBot.References;
using TriageBot.Storage;

namespace TriageBot.Escalations;

/// <summary>
/// A lead's action on an escalation card. Only the people on duty now and the designated leads may decide; anyone
/// else is refused and the attempt is recorded. Exactly one decision is ever recorded per escalation: the decision is a
/// compare-and-set on its status inside one transaction with the decision event and the outbox messages (update every
/// card, tell the reporter), so double clicks, Teams retries and two leads at once all end in one decision.
/// </summary>
public sealed partial class EscalationDecisions(
    IEscalationQueries escalationQueries,
    IStoreWriter writer,
    IEscalationStore escalations,
    IOutboxStore outbox,
    OutboxSignal outboxSignal,
    IIncidentLogWriter log,
    IIncidentEventSource incidents,
    IKnownConversationStore conversations,
    ProtocolCatalog catalog,
    TimeProvider time,
    ILogger<EscalationDecisions> logger)
{
    public async Task<DecisionOutcome> DecideAsync(EscalationAction action, Participant who, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var email = await EmailOfAsync(who, cancellationToken);

        // What the decision is made from is read first, so the write itself is short.
        var found = await LoadAsync(action.EscalationId, cancellationToken);
        if (found is null)
        {
            return DecisionOutcome.Refused(DecisionResult.Unknown, "This card is not one of ours, or it has been removed.");
        }

        var events = await incidents.ReadAsync(found.IncidentId, cancellationToken);
        var outcome = await writer.WriteAsync(write => DecideAsync(write, action, who, email, now, events), cancellationToken);
        switch (outcome.Result)
        {
            case DecisionResult.NotAllowed:
                LogRefused(action.EscalationId);
                break;
            case DecisionResult.Asked:
                outboxSignal.Notify();
                break;
            case DecisionResult.Decided:
                outboxSignal.Notify();
                LogDecided(action.EscalationId, SnakeCase.From(action.Verb));
                return DecisionOutcome.Decided((await LoadAsync(action.EscalationId, cancellationToken))!);
        }

        return outcome;
    }

    private async Task<DecisionOutcome> DecideAsync(IStoreTransaction write, EscalationAction action, Participant who, string? email, DateTimeOffset now, IReadOnlyList<IncidentEvent> events)
    {
        var cancellationToken = write.CancellationToken;
        var escalation = await escalationQueries.GetAsync(action.EscalationId, write, cancellationToken);
        if (escalation is null)
        {
            return DecisionOutcome.Refused(DecisionResult.Unknown, "This card is not one of ours, or it has been removed.");
        }

        if (!DutyResolver.MayDecide(catalog.Rota, now, who.AadObjectId, email))
        {
            await log.AppendAsync(write, [Event(escalation, EscalationEventTypes.Refused, who, now, new JsonObject
            {
                ["escalation"] = escalation.Id,
                ["verb"] = SnakeCase.From(action.Verb),
            })]);
            return DecisionOutcome.Refused(DecisionResult.NotAllowed,
                "Only the duty safeguarding lead on the rota, their deputies or a designated safeguarding lead can decide this. Your attempt has been recorded.");
        }

        if (action.Verb == EscalationVerb.Ask)
        {
            await log.AppendAsync(write, [Event(escalation, EscalationEventTypes.QuestionAsked, who, now,
                new JsonObject { ["escalation"] = escalation.Id }, new JsonObject { ["question"] = action.Text })]);
            await outbox.EnqueueAsync(write, OutboxKinds.Message, escalation.Id, ToReporter(escalation,
                $"{who.Name ?? "The duty lead"} asks about your report: {action.Text} Type your answer here; your next message goes to them."));
            await escalations.MarkQuestionPendingAsync(write, escalation.Id);
            return DecisionOutcome.Asked(escalation);
        }

        if (!escalation.IsOpen)
        {
            return DecisionOutcome.AlreadyDecided(escalation);
        }

        if (action.Verb == EscalationVerb.AmendReferrals && RefusedChange(action, events) is { } problem)
        {
            return DecisionOutcome.Refused(DecisionResult.Invalid, $"This card action was refused: {problem}.");
        }

        var decision = DecisionJson(action, who, escalation, events, catalog);
        if (!await escalations.DecideAsync(write, escalation.Id, decision.ToJsonString(), now))
        {
            return DecisionOutcome.AlreadyDecided((await escalationQueries.GetAsync(escalation.Id, write, cancellationToken))!);
        }

        await log.AppendAsync(write, [Event(escalation, EscalationEventTypes.Decided, who, now,
            (JsonObject)decision.DeepClone(), action.Text is null ? null : new JsonObject { ["text"] = action.Text })]);
        await outbox.EnqueueAsync(write, OutboxKinds.UpdateEscalationCards, escalation.Id, []);
        await outbox.EnqueueAsync(write, OutboxKinds.Message, escalation.Id,
            ToReporter(escalation, ReporterNotice(action, who, escalation)));
        return DecisionOutcome.Decided(escalation);
    }

    public Task<EscalationRecord?> LoadAsync(string escalationId, CancellationToken cancellationToken) =>
        escalationQueries.GetAsync(escalationId, null, cancellationToken);

    private async Task<string?> EmailOfAsync(Participant who, CancellationToken cancellationToken) =>
        (await conversations.FindPersonalAsync(who.AadObjectId, null, cancellationToken))?.Email;

    /// <summary>
    /// Why a change of referrals cannot be made (an unknown service, adding one already recommended, removing one not
    /// recommended): data the card cannot send, so it was tampered with; null when it can be made.
    /// </summary>
    private string? RefusedChange(EscalationAction action, IReadOnlyList<IncidentEvent> events)
    {
        var recommended = EscalationCardData.LatestReferrals(events).Select(r => r["service"]?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (action.Added.FirstOrDefault(id => catalog.Service(id) is null) is { } unknown)
        {
            return $"'{EscalationActionReader.AddReferralsKey}' names '{unknown}', which is not one of the school's services";
        }

        if (action.Added.FirstOrDefault(recommended.Contains) is { } already)
        {
            return $"'{EscalationActionReader.AddReferralsKey}' names '{already}', which is already recommended";
        }

        return action.Removed.FirstOrDefault(id => !recommended.Contains(id)) is { } notRecommended
            ? $"'{EscalationActionReader.RemoveReferralsKey}' names '{notRecommended}', which was not recommended"
            : null;
    }

    private static JsonObject DecisionJson(EscalationAction action, Participant who, EscalationRecord escalation, IReadOnlyList<IncidentEvent> events, ProtocolCatalog catalog)
    {
        var recommended = new JsonArray([.. EscalationCardData.LatestReferrals(events).Select(r => r.DeepClone())]);
        var approved = action.Verb switch
        {
            EscalationVerb.Approve => recommended.OfType<JsonObject>().ToList(),
            EscalationVerb.ApproveSelected => recommended.OfType<JsonObject>().Where(r => action.SelectedReferrals.Contains(r["service"]?.GetValue<string>() ?? string.Empty)).ToList(),
            EscalationVerb.AmendReferrals => [
                .. recommended.OfType<JsonObject>().Where(r => !action.Removed.Contains(r["service"]?.GetValue<string>() ?? string.Empty)),
                .. action.Added.Select(id => new JsonObject
                {
                    ["service"] = id,
                    ["name"] = catalog.Text(catalog.Service(id)!.Name),

                    // An added service is as urgent as the escalation (as its card shows it), unless the lead chose.
                    ["urgency"] = action.Urgency is { } chosen ? SnakeCase.From(chosen) : CurrentUrgency(recommended),
                }),
            ],
            _ => [],
        };
        return new JsonObject
        {
            ["escalation"] = escalation.Id,
            ["verb"] = SnakeCase.From(action.Verb),
            ["what"] = action.Verb switch
            {
                EscalationVerb.Approve => approved.Count == 0 ? "agreed" : "referrals approved",
                EscalationVerb.ApproveSelected => "chosen referrals approved",
                EscalationVerb.Amend => $"urgency changed to {Dialogs.Protocols.Model.Urgencies.Text(action.Urgency!.Value)}",
                EscalationVerb.AmendReferrals => ReferralChanges(action, catalog),
                EscalationVerb.TakeOver => "taken over",
                _ => "declined",
            },
            ["byId"] = who.Id,
            ["byAadObjectId"] = who.AadObjectId,
            ["byName"] = who.Name,
            ["urgency"] = action.Urgency is { } urgency ? SnakeCase.From(urgency) : null,
            ["referrals"] = new JsonArray([.. approved.Select(r => (JsonNode)new JsonObject
            {
                ["serviceId"] = r["service"]?.GetValue<string>(),
                ["service"] = r["name"]?.GetValue<string>() ?? r["service"]?.GetValue<string>(),
                ["urgency"] = UrgencyText(r["urgency"]?.GetValue<string>()),
            })]),
        };
    }

    private static string CurrentUrgency(JsonArray recommended) =>
        recommended.OfType<JsonObject>().Select(r => r["urgency"]?.GetValue<string>()).FirstOrDefault() ?? SnakeCase.From(Dialogs.Protocols.Model.Urgency.Today);

    private static string ReferralChanges(EscalationAction action, ProtocolCatalog catalog)
    {
        string Names(IEnumerable<string> ids) => string.Join(", ", ids.Select(id => catalog.Service(id) is { } service ? catalog.Text(service.Name) : id));
        var parts = new List<string>();
        if (action.Added.Count > 0)
        {
            parts.Add("added " + Names(action.Added));
        }

        if (action.Removed.Count > 0)
        {
            parts.Add("removed " + Names(action.Removed));
        }

        return "referrals changed: " + string.Join("; ", parts);
    }

    private static string UrgencyText(string? urgency) =>
        urgency is not null && SnakeCase.TryParse<Dialogs.Protocols.Model.Urgency>(urgency, out var parsed) ? Dialogs.Protocols.Model.Urgencies.Text(parsed) : urgency ?? string.Empty;

    private string ReporterNotice(EscalationAction action, Participant who, EscalationRecord escalation)
    {
        var name = who.Name ?? $"The {catalog.Text("{role:duty_lead}")}";
        var type = EscalationCardData.IncidentType(escalation, catalog);
        return action.Verb switch
        {
            EscalationVerb.TakeOver => $"{name} has taken over your report ({type}). Follow their instructions.",
            EscalationVerb.Decline => $"{name} has looked at your report ({type}) and declined the escalation. They will be in touch if anything else is needed.",
            EscalationVerb.Amend => $"{name} has looked at your report ({type}) and changed its urgency.",
            EscalationVerb.AmendReferrals => $"{name} has looked at your report ({type}) and changed the referrals. They will follow them up.",
            _ => $"{name} has approved the next steps for your report ({type}).",
        };
    }

    private static JsonObject ToReporter(EscalationRecord escalation, string text) => new()
    {
        ["conversationId"] = escalation.ReporterConversationId,
        ["userId"] = escalation.ReporterId,
        ["text"] = text,
    };

    private static IncidentEvent Event(EscalationRecord escalation, string type, Participant who, DateTimeOffset now, JsonObject data, JsonObject? personal = null) =>
        new(escalation.IncidentId, type, who, now, data, personal);

    [LoggerMessage(1431, LogLevel.Warning, "Escalation {EscalationId}: a decision from someone not on the rota was refused and recorded")]
    private partial void LogRefused(string escalationId);

    [LoggerMessage(1432, LogLevel.Information, "Escalation {EscalationId} decided ({Verb})")]
    private partial void LogDecided(string escalationId, string verb);
}

/// <summary>Incident event types written by the host about escalations.</summary>
public static class EscalationEventTypes
{
    public const string Decided = "escalation.decided";
    public const string Refused = "escalation.refused";
    public const string QuestionAsked = "escalation.question_asked";
    public const string QuestionAnswered = "escalation.question_answered";
}

public enum DecisionResult
{
    Decided,
    AlreadyDecided,
    Asked,
    NotAllowed,
    Unknown,

    /// <summary>The action names something that does not fit this escalation (an unknown service); nothing was recorded.</summary>
    Invalid,
}

/// <summary>What happened to a lead's action, with the escalation as it now stands.</summary>
public sealed record DecisionOutcome(DecisionResult Result, EscalationRecord? Escalation, string? Message)
{
    public static DecisionOutcome Decided(EscalationRecord escalation) => new(DecisionResult.Decided, escalation, null);

    public static DecisionOutcome AlreadyDecided(EscalationRecord escalation) => new(DecisionResult.AlreadyDecided, escalation, null);

    public static DecisionOutcome Asked(EscalationRecord escalation) => new(DecisionResult.Asked, escalation, "Your question has been sent to the member of staff.");

    public static DecisionOutcome Refused(DecisionResult result, string message) => new(result, null, message);
}
