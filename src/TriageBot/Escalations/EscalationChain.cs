using System.Text.Json.Nodes;
using TriageBot.Dialogs.Protocols;
using TriageBot.Outbox;
using TriageBot.Storage;

namespace TriageBot.Escalations;

/// <summary>
/// Moves an open escalation to the next person in its chain (no answer in time, or not reachable): the card goes to
/// them with a note, the cards already out are updated to say so, and after the last person the safeguarding channel
/// is alerted and the reporter is told to phone. The move is a compare-and-set on the position, so two timers (or a
/// timer and a delivery) never move it twice.
/// </summary>
internal static class EscalationChain
{
    public static async Task<bool> MoveOnAsync(
        IStoreTransaction write,
        IEscalationStore escalations,
        IOutboxStore outbox,
        EscalationRecord escalation,
        int fromIndex,
        ProtocolCatalog catalog,
        Dialogs.Escalations.EscalationTimeouts timeouts,
        TimeProvider time,
        string why)
    {
        var next = fromIndex + 1;
        var now = time.GetUtcNow();
        var level = EscalationProjector.ParseLevel(escalation.Level);
        var pastTheChain = next >= escalation.Chain.Count;

        // Past the chain the deadline is pushed far out: the channel and the reporter have been told, nobody is left to ask.
        var deadline = pastTheChain ? DateTimeOffset.MaxValue.AddDays(-1) : timeouts.DeadlineFor(level, now, catalog.Rota);
        if (!await escalations.MoveOnAsync(write, escalation.Id, fromIndex, Math.Min(next, escalation.Chain.Count), deadline))
        {
            return false;
        }

        var previous = fromIndex < escalation.Chain.Count ? catalog.Rota.Person(escalation.Chain[fromIndex])?.Name : null;
        var type = EscalationCardData.IncidentType(escalation, catalog);
        if (!pastTheChain)
        {
            await outbox.EnqueueAsync(write, OutboxKinds.PostEscalationCard, escalation.Id, new JsonObject
            {
                ["recipientIndex"] = next,
                ["note"] = $"Sent on to you: {previous ?? "the person before you"} {why}.",
            });
        }
        else
        {
            await outbox.EnqueueAsync(write, OutboxKinds.Message, escalation.Id, new JsonObject
            {
                ["channel"] = true,
                ["text"] = $"Nobody on the duty rota has answered a safeguarding escalation ({type}, {catalog.LevelName(level)}). Anyone who is a safeguarding lead: please take it now.",
            });
            await outbox.EnqueueAsync(write, OutboxKinds.Message, escalation.Id, new JsonObject
            {
                ["conversationId"] = escalation.ReporterConversationId,
                ["userId"] = escalation.ReporterId,
                ["text"] = (why.Contains("could not be reached", StringComparison.Ordinal)
                    ? "I could not reach any duty lead in Teams."
                    : "No duty lead has answered yet.")
                    + $" Phone the {catalog.Text("{role:duty_lead}")} now: {catalog.Text("{contact:duty_lead}")}. If anyone is in immediate danger, call {catalog.Region.EmergencyNumber}.",
            });
        }

        await outbox.EnqueueAsync(write, OutboxKinds.UpdateEscalationCards, escalation.Id, []);
        return true;
    }
}
