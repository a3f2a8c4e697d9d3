using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Protocols.Loading;
using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Protocols.Referrals;
using TriageBot.Dialogs.Runtime;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Triage;

/// <summary>
/// One turn of one report: the dialog context, the report's state, the school's content and the texts. Every step
/// reads and moves the report through this, and every answer is recorded through <see cref="Record"/>.
/// </summary>
internal sealed class TriageTurn(DialogContext context, TriageState state, ProtocolCatalog catalog, TriageTexts texts)
{
    public DialogContext Context { get; } = context;

    public TriageState State { get; } = state;

    public ProtocolCatalog Catalog { get; } = catalog;

    public TriageTexts Texts { get; } = texts;

    public TurnInput Input => Context.Input;

    public DateTimeOffset Now => Context.Time.GetUtcNow();

    public IncidentProtocol? Protocol => State.ProtocolId is { } id ? Catalog.Protocol(id) : null;

    public ProtocolStep? Step => Protocol is { } protocol && State.StepId is { } id ? protocol.Step(id) : null;

    public string Title => Protocol?.Title ?? "Report";

    public Task SendAsync(string text, CancellationToken cancellationToken) => Context.SendAsync(text, cancellationToken);

    public Task SendAsync(BotReply reply, CancellationToken cancellationToken) => Context.SendAsync(reply, cancellationToken);

    public void Record(string type, JsonObject data, JsonObject? personal = null) =>
        Context.Record(State.IncidentId, type, data, personal);

    /// <summary>The answers so far, as the referral rules read them.</summary>
    public IncidentAnswers Answers => new(
        new Dictionary<string, string>(State.StepAnswers, StringComparer.Ordinal),
        new Dictionary<string, string>(State.ChecklistResults, StringComparer.Ordinal))
    {
        ImmediateDanger = State.EmergencyDeclared || State.Danger == true,
    };

    /// <summary>An emergency (the danger question or the command) means nothing on the path can lower the level below emergency.</summary>
    public ResponseLevel? LevelFloor => State.EmergencyDeclared || State.Danger == true ? ResponseLevel.EmergencyNow : null;

    /// <summary>The response level the answers call for so far; null before a protocol is chosen or when nothing set one yet.</summary>
    public ResponseLevel? LevelSoFar => State.ProtocolId is { } id ? Catalog.Planner.LevelFor(id, Answers, LevelFloor) : LevelFloor;

    /// <summary>Shows the emergency instruction and asks for the duty lead at once; safe to call twice.</summary>
    public async Task DeclareEmergencyAsync(string how, CancellationToken cancellationToken)
    {
        await SendAsync(Texts.EmergencyInstruction, cancellationToken);
        Record(IncidentEventTypes.EmergencyDeclared, new JsonObject { ["how"] = how, ["step"] = State.StepId });
        State.EmergencyDeclared = true;
        await RequestEscalationAsync(ResponseLevel.EmergencyNow, "immediate_danger", cancellationToken);
    }

    /// <summary>Records that the duty lead is needed (the escalation card follows from this event) and tells staff not to wait.</summary>
    public async Task RequestEscalationAsync(ResponseLevel level, string reason, CancellationToken cancellationToken)
    {
        if (State.EscalationRequested)
        {
            return;
        }

        if (Protocol is { EscalatesToDutyLead: false })
        {
            // The report may concern the duty lead: no card goes to them; the steps say whom to tell (said once).
            if (!State.EscalationWithheld)
            {
                State.EscalationWithheld = true;
                await SendAsync(Texts.NotSentToDutyLead, cancellationToken);
            }

            return;
        }

        State.EscalationRequested = true;
        Record(IncidentEventTypes.EscalationRequested, new JsonObject
        {
            ["level"] = SnakeCase.From(level),
            ["reason"] = reason,
            ["protocol"] = State.ProtocolId,

            // What the rules recommend at this level so far, so the lead's card can offer them before the report ends.
            ["referrals"] = State.ProtocolId is { } protocolId ? ReferralJson.From(Catalog.Planner.Plan(protocolId, level, Answers)) : new JsonArray(),
        });
        await SendAsync(level <= ResponseLevel.UrgentSameDay ? Texts.EscalationNotice(Now) : Texts.ForDecisionNotice(Now), cancellationToken);
    }
}
