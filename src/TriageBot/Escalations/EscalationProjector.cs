using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Rota;
using TriageBot.IncidentLog;
using TriageBot.Outbox;
using TriageBot.Storage;

namespace TriageBot.Escalations;

/// <summary>
/// Turns escalation requests in the incident log into escalations and outbox messages. It reads the log from where it
/// last stopped (projection_cursor) and moves the cursor in the same transaction as what it writes, so a crash at any
/// point neither loses a request nor makes it twice. The turn that recorded a request calls it at once (the card
/// leaves within milliseconds); a background loop calls it too, to catch up after a restart.
/// </summary>
public sealed partial class EscalationProjector(
    IStoreWriter writer,
    IProjectionCursors cursors,
    IIncidentLogStore logRows,
    IEscalationStore escalations,
    IEscalationQueries escalationQueries,
    IOutboxStore outbox,
    OutboxSignal outboxSignal,
    OutboxSender sender,
    ProtocolCatalog catalog,
    IOptions<EscalationOptions> options,
    TimeProvider time,
    ILogger<EscalationProjector> logger)
{
    private const string CursorName = "escalations";
    private const int Batch = 500;
    private static readonly string[] Types = [IncidentEventTypes.EscalationRequested, IncidentEventTypes.Assessed];

    public async Task ProjectPendingAsync(CancellationToken cancellationToken)
    {
        var enqueued = false;
        while (true)
        {
            var batch = await writer.WriteAsync(write => ProjectBatchAsync(write), cancellationToken);
            enqueued |= batch.Enqueued;

            // A new escalation's first card was claimed as it was made: it goes now, not behind the queue.
            foreach (var card in batch.Cards)
            {
                sender.DeliverNow(card);
            }

            if (batch.Scanned < Batch)
            {
                break;
            }
        }

        if (enqueued)
        {
            outboxSignal.Notify();
        }
    }

    // The writer's transaction holds the write lock: two projectors never read the same cursor.
    private async Task<ProjectedEscalations> ProjectBatchAsync(IStoreTransaction write)
    {
        var cancellationToken = write.CancellationToken;
        var cursor = await cursors.ReadAsync(CursorName, write, cancellationToken);
        var batch = await cursors.EventsAsync(write, cursor, long.MaxValue, Batch, Types);
        if (batch.Scanned == 0)
        {
            return new ProjectedEscalations(0, false, []);
        }

        var enqueued = false;
        var cards = new List<OutboxMessage>();
        foreach (var row in batch.Events)
        {
            enqueued |= row.Type switch
            {
                IncidentEventTypes.EscalationRequested => await OnRequestedAsync(write, row, cards),
                IncidentEventTypes.Assessed => await OnAssessedAsync(write, row),
                _ => false,
            };
        }

        await cursors.MoveAsync(write, CursorName, batch.LastScanned);
        return new ProjectedEscalations(batch.Scanned, enqueued, cards);
    }

    private async Task<bool> OnRequestedAsync(IStoreTransaction write, ProjectedEvent row, List<OutboxMessage> cards)
    {
        var cancellationToken = write.CancellationToken;
        var data = JsonNode.Parse(row.DataJson)!.AsObject();
        var level = data["level"]?.GetValue<string>() ?? "urgent_same_day";
        var open = await escalationQueries.OpenForIncidentAsync(row.IncidentId, write, cancellationToken);
        var now = time.GetUtcNow();
        var timeouts = options.Value.ToTimeouts();
        if (open is not null)
        {
            // Already with the lead: a more urgent request tightens it and refreshes the cards, never makes a second one.
            if (!IsMoreUrgent(level, open.Level))
            {
                return false;
            }

            var deadline = timeouts.DeadlineFor(ParseLevel(level), now, catalog.Rota);
            await escalations.RaiseLevelAsync(write, open.Id, level, deadline);
            await outbox.EnqueueAsync(write, OutboxKinds.UpdateEscalationCards, open.Id, []);
            return true;
        }

        var occurredAt = DateTimeOffset.Parse(row.OccurredAt, CultureInfo.InvariantCulture);
        var chain = DutyResolver.OnDuty(catalog.Rota, occurredAt).InOrder.Select(p => p.Id).ToList();
        var conversationId = await logRows.FirstDataAsync(write, row.IncidentId, IncidentEventTypes.Started) is { } started
            ? JsonNode.Parse(started)?["conversation"]?.GetValue<string>()
            : null;
        var id = "esc-" + Guid.NewGuid().ToString("N")[..16];
        await escalations.CreateAsync(write, new NewEscalation(
            id,
            row.IncidentId,
            data["protocol"]?.GetValue<string>(),
            level,
            data["reason"]?.GetValue<string>() ?? "requested",
            occurredAt,
            row.ActorId,
            row.ActorName,
            conversationId,
            chain,
            timeouts.DeadlineFor(ParseLevel(level), now, catalog.Rota),
            ParseLevel(level) <= ResponseLevel.UrgentSameDay && options.Value.EyesOnMinutes > 0
                ? now + TimeSpan.FromMinutes(options.Value.EyesOnMinutes)
                : null));
        cards.Add(await outbox.EnqueueClaimedAsync(write, OutboxKinds.PostEscalationCard, id, new JsonObject { ["recipientIndex"] = 0 }));
        LogCreated(id, level, chain.Count);
        return true;
    }

    private async Task<bool> OnAssessedAsync(IStoreTransaction write, ProjectedEvent row)
    {
        var cancellationToken = write.CancellationToken;
        // The report was finished while the lead has the card: the card now shows the referrals.
        var open = await escalationQueries.OpenForIncidentAsync(row.IncidentId, write, cancellationToken);
        if (open is null)
        {
            return false;
        }

        var assessed = JsonNode.Parse(row.DataJson);
        if (assessed?["protocol"]?.GetValue<string>() is { } protocolId && catalog.Protocol(protocolId) is { EscalatesToDutyLead: false })
        {
            return false;
        }

        var level = assessed?["level"]?.GetValue<string>();
        if (level is not null && IsMoreUrgent(level, open.Level))
        {
            await escalations.RaiseLevelAsync(write, open.Id, level, deadlineAtLatest: null);
        }

        await outbox.EnqueueAsync(write, OutboxKinds.UpdateEscalationCards, open.Id, []);
        return true;
    }

    private static bool IsMoreUrgent(string level, string than) => ParseLevel(level) < ParseLevel(than);

    internal static ResponseLevel ParseLevel(string level) =>
        Dialogs.Protocols.Loading.SnakeCase.TryParse<ResponseLevel>(level, out var parsed) ? parsed : ResponseLevel.UrgentSameDay;

    /// <summary>What one write of the projector did: events passed, whether anything was queued, the new cards to send now.</summary>
    private sealed record ProjectedEscalations(int Scanned, bool Enqueued, IReadOnlyList<OutboxMessage> Cards);

    [LoggerMessage(1401, LogLevel.Information, "Escalation {EscalationId} created at level {Level}; {ChainLength} people in its chain")]
    private partial void LogCreated(string escalationId, string level, int chainLength);
}
