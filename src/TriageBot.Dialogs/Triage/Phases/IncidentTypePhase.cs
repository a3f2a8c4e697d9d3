using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Triage.Phases;

/// <summary>
/// The menu of incident types, when the first message did not make the type clear. Types the message suggested come
/// first (when it plainly told of several, the menu names them, the more urgent first); the rest follow in the order
/// of the protocol files.
/// </summary>
internal sealed class IncidentTypePhase : ITriagePhase
{
    public BotReply Ask(TriageTurn turn) => Question(turn).ToReply();

    public async Task<bool> AnswerAsync(TriageTurn turn, CancellationToken cancellationToken)
    {
        var question = Question(turn);
        var reading = question.Read(turn.Input);
        switch (reading.Kind)
        {
            case TriageReadingKind.Chosen:
                Choose(turn, reading.AnswerId!, "menu");
                return true;
            case TriageReadingKind.Ambiguous:
                await turn.SendAsync(question.ToReply($"Did you mean {string.Join(" or ", reading.Candidates!.Select(t => $"\"{t}\""))}? Please choose one."), cancellationToken);
                return false;
            default:
                // A description typed here may name the type ("she has cut her arm"): use it when it is clear.
                if (turn.Catalog.Detector.Detect(turn.Input.Text).Clear is { } detected)
                {
                    Choose(turn, detected.Id, "detected");
                    return true;
                }

                await turn.SendAsync(question.ToReply(turn.Texts.TypeMenuRetry), cancellationToken);
                return false;
        }
    }

    /// <summary>Sets the protocol, records the choice, and starts the protocol at its first step.</summary>
    public static void Choose(TriageTurn turn, string protocolId, string how)
    {
        var protocol = turn.Catalog.Protocol(protocolId)!;
        turn.State.ProtocolId = protocol.Id;
        turn.State.StepId = protocol.Start;
        turn.State.History.Add(new TriageMove(TriageMoveKind.IncidentType));
        turn.Record(IncidentEventTypes.TypeChosen, new JsonObject { ["protocol"] = protocol.Id, ["how"] = how });
    }

    /// <summary>
    /// An answer moved the report to another protocol: it starts at that protocol's first step, everything answered so
    /// far stays on the record, and back returns to the answer that switched. A report that must not reach the duty
    /// lead says so at once.
    /// </summary>
    public static async Task SwitchAsync(TriageTurn turn, string protocolId, string fromStepId, CancellationToken cancellationToken)
    {
        var from = turn.State.ProtocolId;
        var protocol = turn.Catalog.Protocol(protocolId)!;
        turn.State.History[^1] = new TriageMove(TriageMoveKind.ProtocolSwitch, fromStepId, ProtocolId: from);
        turn.State.ProtocolId = protocol.Id;
        turn.State.StepId = protocol.Start;
        turn.Record(IncidentEventTypes.TypeChosen, new JsonObject { ["protocol"] = protocol.Id, ["how"] = "switched", ["from"] = from, ["step"] = fromStepId });
        await turn.SendAsync(TriageTexts.Switched(protocol.Title), cancellationToken);
        if (!protocol.EscalatesToDutyLead && !turn.State.EscalationRequested && !turn.State.EscalationWithheld)
        {
            turn.State.EscalationWithheld = true;
            await turn.SendAsync(turn.Texts.NotSentToDutyLead, cancellationToken);
        }
    }

    private static TriageQuestion Question(TriageTurn turn)
    {
        var candidates = turn.State.Candidates;
        var ordered = turn.Catalog.Protocols
            .OrderBy(p => candidates.IndexOf(p.Id) is var i && i >= 0 ? i : int.MaxValue)
            .Select(p => new TriageAnswer(p.Id, p.Title))
            .ToList();
        var several = turn.State.MentionedTogether.Select(turn.Catalog.Protocol).OfType<IncidentProtocol>().Select(p => p.Title).ToList();
        var text = several.Count > 1 ? TriageTexts.TypeMenuForSeveral(several)
            : candidates.Count > 0 ? turn.Texts.TypeMenuWithCandidates
            : turn.Texts.TypeMenu;
        return new TriageQuestion("type", text, ordered, "Report", OffersBack: false);
    }
}
