using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Protocols.Loading;
using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Recognizers;
using TriageBot.Dialogs.Runtime;
using TriageBot.Dialogs.Triage.Phases;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Triage;

/// <summary>
/// One report, from the first message to the summary: is anyone in danger, which incident, which student, then the
/// protocol's steps and checklists, the response level and the referrals. Every answer is an incident event. The
/// dialog's only memory is <see cref="TriageState"/> in its stack instance; what the report waits for is derived from it.
/// </summary>
public sealed class TriageDialog(ProtocolCatalog catalog, TriageOptions options) : Dialog(DialogId)
{
    public const string DialogId = "triage";
    private const string StateKey = "triage";

    /// <summary>The service id the content uses for the duty lead (services.yaml).</summary>
    private const string DutyLeadService = "duty-lead";

    private static readonly string[] ResumePhrases = ["resume", "continue", "carry on", "where was i", "where were we"];

    private readonly TriageTexts _texts = new(catalog);

    private readonly Dictionary<TriagePhase, ITriagePhase> _phases = new()
    {
        [TriagePhase.Resume] = new ResumePhase(),
        [TriagePhase.CancelReason] = new CancelReasonPhase(),
        [TriagePhase.Reason] = new ReasonPhase(),
        [TriagePhase.Danger] = new DangerPhase(),
        [TriagePhase.IncidentType] = new IncidentTypePhase(),
        [TriagePhase.StudentReference] = new StudentReferencePhase(),
        [TriagePhase.Step] = new ProtocolStepPhase(),
        [TriagePhase.ChecklistQuestion] = new ChecklistPhase(),
    };

    /// <summary>How a report starts: from a described incident (its text), from the menu, or from "emergency".</summary>
    public static JsonNode StartOptions(TriageStart how, string? description = null) =>
        new JsonObject { ["how"] = SnakeCase.From(how), ["description"] = description };

    /// <summary>A report of an incident another report's first message also told of, linked to that report.</summary>
    public static JsonNode StartOptionsAlsoMentioned(string protocolId, string? fromIncidentId) =>
        new JsonObject { ["how"] = SnakeCase.From(TriageStart.AlsoMentioned), ["protocol"] = protocolId, ["follows"] = fromIncidentId };

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext context, JsonNode? options, CancellationToken cancellationToken)
    {
        var how = options?["how"]?.GetValue<string>() ?? SnakeCase.From(TriageStart.Menu);
        var description = options?["description"]?.GetValue<string>();
        var chosen = options?["protocol"]?.GetValue<string>() is { } id ? catalog.Protocol(id) : null;
        var follows = options?["follows"]?.GetValue<string>();
        var now = context.Time.GetUtcNow();
        var detection = catalog.Detector.Detect(description);
        var plain = detection.Plain;
        var state = new TriageState
        {
            IncidentId = Guid.NewGuid().ToString("N"),
            StartedAt = now,
            LastActivityAt = now,
            Candidates = detection.Candidates.Select(c => c.Protocol.Id).ToList(),
            MentionedTogether = plain.Count > 1 ? plain.Select(p => p.Id).ToList() : [],
        };
        var turn = new TriageTurn(context, state, catalog, _texts);
        var started = new JsonObject
        {
            ["how"] = how,
            ["candidates"] = new JsonArray([.. state.Candidates.Select(candidate => JsonValue.Create(candidate))]),
            ["conversation"] = context.Input.ConversationId,
        };
        if (follows is not null)
        {
            started["follows"] = follows;
        }

        turn.Record(IncidentEventTypes.Started, started, description is null ? null : new JsonObject { ["description"] = description });

        if (how == SnakeCase.From(TriageStart.Emergency))
        {
            await turn.DeclareEmergencyAsync("command", cancellationToken);
        }

        if (chosen is not null)
        {
            IncidentTypePhase.Choose(turn, chosen.Id, SnakeCase.From(TriageStart.AlsoMentioned));
        }
        else if (detection.Clear is { } protocol)
        {
            IncidentTypePhase.Choose(turn, protocol.Id, "detected");
        }

        return await AdvanceAsync(turn, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var turn = Load(context);
        var gap = turn.Now - turn.State.LastActivityAt;
        turn.State.LastActivityAt = turn.Now;
        var phase = TriagePhases.Current(turn);

        if (gap > options.ResumeOfferAfter && phase is not (TriagePhase.Resume or TriagePhase.CancelReason) && !PressedCurrentCard(turn))
        {
            turn.State.AwaitingResume = true;
            return await AskAsync(turn, cancellationToken);
        }

        var typed = InputText.Normalise(context.Input.Text);
        if (ResumePhrases.Contains(typed, StringComparer.Ordinal) && phase is not (TriagePhase.Resume or TriagePhase.CancelReason))
        {
            return await AskAsync(turn, cancellationToken);
        }

        if (IsBack(context.Input, typed) && phase is TriagePhase.Step or TriagePhase.ChecklistQuestion or TriagePhase.StudentReference or TriagePhase.Reason)
        {
            if (!TriageBack.TryGoBack(turn))
            {
                await turn.SendAsync(_texts.NothingToGoBackTo, cancellationToken);
            }

            return await AdvanceAsync(turn, cancellationToken);
        }

        if (!await _phases[phase].AnswerAsync(turn, cancellationToken))
        {
            Save(turn);
            return DialogTurnResult.Waiting;
        }

        if (phase == TriagePhase.CancelReason && turn.State.Cancelling)
        {
            return await context.EndDialogAsync(null, cancellationToken);
        }

        return await AdvanceAsync(turn, cancellationToken);
    }

    public override Task RepromptDialogAsync(DialogContext context, CancellationToken cancellationToken) =>
        AskAsync(Load(context), cancellationToken);

    /// <summary>Cancel is taken over: the report asks why and is recorded as cancelled. Asked twice, it ends without a reason.</summary>
    public override async Task<bool> OnCancelRequestedAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var turn = Load(context);
        if (turn.State.Cancelling)
        {
            CancelReasonPhase.RecordCancelled(turn, null);
            await turn.SendAsync(_texts.CancelledWithoutReason, cancellationToken);
            return false;
        }

        turn.State.Cancelling = true;
        turn.State.AwaitingResume = false;
        await AskAsync(turn, cancellationToken);
        return true;
    }

    /// <summary>"Emergency" during a report: the instruction at once, then the question the report was waiting on.</summary>
    internal async Task DeclareEmergencyAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var turn = Load(context);
        await turn.DeclareEmergencyAsync("command", cancellationToken);
        await turn.SendAsync(_texts.CarryOn, cancellationToken);
        await AskAsync(turn, cancellationToken);
    }

    /// <summary>The member of staff asked for the duty lead: record it (same-day at least), then the current question again.</summary>
    internal async Task RequestEscalationAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var turn = Load(context);
        if (turn.State.EscalationRequested)
        {
            await turn.SendAsync(_texts.AlreadyEscalated, cancellationToken);
        }
        else
        {
            var level = turn.LevelSoFar is { } soFar && soFar < ResponseLevel.UrgentSameDay ? soFar : ResponseLevel.UrgentSameDay;
            await turn.RequestEscalationAsync(level, "staff_asked", cancellationToken);
        }

        await AskAsync(turn, cancellationToken);
    }

    /// <summary>"Status": where the open report stands, then the question it is waiting on.</summary>
    internal async Task DescribeStatusAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var turn = Load(context);
        await turn.SendAsync(TriageStatus.Reply(turn), cancellationToken);
        await AskAsync(turn, cancellationToken);
    }

    /// <summary>Runs what needs no input (scoring, the summary) and asks the next question.</summary>
    private async Task<DialogTurnResult> AdvanceAsync(TriageTurn turn, CancellationToken cancellationToken)
    {
        while (true)
        {
            // The moment the answers call for an emergency or a same-day assessment, the lead is asked: not at the end.
            if (!turn.State.EscalationRequested && turn.LevelSoFar is { } level && level <= ResponseLevel.UrgentSameDay)
            {
                await turn.RequestEscalationAsync(level, "response_level", cancellationToken);
            }

            var phase = TriagePhases.Current(turn);
            switch (phase)
            {
                case TriagePhase.ChecklistScore:
                    await ChecklistPhase.ScoreAsync(turn, cancellationToken);
                    continue;
                case TriagePhase.Finished:
                    await FinishAsync(turn, cancellationToken);
                    return await turn.Context.EndDialogAsync(null, cancellationToken);
                case TriagePhase.Step when ProtocolStepPhase.TryAnswerFromDangerQuestion(turn):
                    continue;
                case TriagePhase.StudentReference or TriagePhase.Step or TriagePhase.ChecklistQuestion:
                    await RemindOfConfidentialityAsync(turn, cancellationToken);
                    break;
            }

            return await AskAsync(turn, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> AskAsync(TriageTurn turn, CancellationToken cancellationToken)
    {
        await turn.SendAsync(_phases[TriagePhases.Current(turn)].Ask(turn), cancellationToken);
        Save(turn);
        return DialogTurnResult.Waiting;
    }

    private async Task RemindOfConfidentialityAsync(TriageTurn turn, CancellationToken cancellationToken)
    {
        if (turn.State.ConfidentialityShown || turn.Protocol is not { ConfidentialityReminder: true })
        {
            return;
        }

        turn.State.ConfidentialityShown = true;
        turn.Record(IncidentEventTypes.ConfidentialityReminded, []);
        await turn.SendAsync(_texts.ConfidentialityReminder, cancellationToken);
    }

    private async Task FinishAsync(TriageTurn turn, CancellationToken cancellationToken)
    {
        // Validation proves every path sets a level; should content ever slip through, the lead sees it the same day.
        var level = turn.LevelSoFar ?? ResponseLevel.UrgentSameDay;
        var plan = catalog.Planner.Plan(turn.State.ProtocolId!, level, turn.Answers);
        turn.Record(IncidentEventTypes.Assessed, new JsonObject
        {
            ["protocol"] = turn.State.ProtocolId,
            ["level"] = SnakeCase.From(level),
            ["referrals"] = ReferralJson.From(plan),
        });

        // Every finished report the referral rules send to the duty lead goes to them for a decision.
        if (level <= ResponseLevel.UrgentSameDay || plan.Referrals.Any(r => r.Service.Id == DutyLeadService || r.WhoActs == Actor.DutyLead))
        {
            await turn.RequestEscalationAsync(level, level <= ResponseLevel.UrgentSameDay ? "response_level" : "referral_rules", cancellationToken);
        }

        await turn.SendAsync(TriageSummary.Reply(turn, plan), cancellationToken);
        turn.Record(IncidentEventTypes.Completed, new JsonObject { ["level"] = SnakeCase.From(level) });
        await OfferAlsoMentionedAsync(turn, cancellationToken);
    }

    /// <summary>
    /// Each other incident the first message plainly told of is offered as a report of its own, so the second concern
    /// is not forgotten. Not after a report kept from the duty lead (about a member of staff): a second report would go
    /// to the lead, who may be the one it is about.
    /// </summary>
    private static async Task OfferAlsoMentionedAsync(TriageTurn turn, CancellationToken cancellationToken)
    {
        if (turn.State.EscalationWithheld)
        {
            return;
        }

        var reported = turn.State.History.Where(move => move.Kind == TriageMoveKind.ProtocolSwitch).Select(move => move.ProtocolId)
            .Append(turn.State.ProtocolId)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var other in turn.State.MentionedTogether.Where(id => !reported.Contains(id)).Select(turn.Catalog.Protocol).OfType<IncidentProtocol>())
        {
            await turn.SendAsync(new BotReply(TriageTexts.AlsoMentioned(other.Title), [AlsoMentionedButton.For(other, turn.State.IncidentId)]), cancellationToken);
        }
    }

    private bool PressedCurrentCard(TriageTurn turn)
    {
        var phase = TriagePhases.Current(turn);
        return Prompts.ChoicePrompt.ButtonValue(turn.Input) is { } pressed
            && _phases[phase].Ask(turn).Choices?.Any(choice => choice.Value == pressed && choice.Value != TriageQuestion.BackValue) == true;
    }

    private static bool IsBack(TurnInput input, string typed) =>
        Prompts.ChoicePrompt.ButtonValue(input) == TriageQuestion.BackValue || TriageQuestion.BackPhrases.Contains(typed, StringComparer.Ordinal);

    private TriageTurn Load(DialogContext context) =>
        new(context, TriageState.FromJson(context.ActiveInstance!.State[StateKey]), catalog, _texts);

    private static void Save(TriageTurn turn) => turn.Context.ActiveInstance!.State[StateKey] = turn.State.ToJson();
}

/// <summary>How a report was started.</summary>
public enum TriageStart
{
    /// <summary>The member of staff described what is happening.</summary>
    Description,

    /// <summary>"Report a concern" from the menu.</summary>
    Menu,

    /// <summary>"Emergency" with no report open.</summary>
    Emergency,

    /// <summary>The button at the end of a report for another incident its first message told of.</summary>
    AlsoMentioned,
}
