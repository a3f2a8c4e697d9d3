using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TriageBot.Telemetry;

/// <summary>
/// TriageBot's meter: what a school's IT person charts. Counters and histograms are recorded as things happen; the
/// gauges read the store when metrics are collected (every export interval: a few small queries a minute).
/// </summary>
public sealed class TriageBotMetrics
{
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Histogram<double> _reportToCard;
    private readonly Counter<long> _failedDeliveries;
    private readonly IOperationalReader _reader;
    private readonly TimeProvider _time;

    public TriageBotMetrics(IMeterFactory meters, IOperationalReader reader, TimeProvider time)
    {
        _reader = reader;
        _time = time;
        var meter = meters.Create(TriageBotTelemetry.MeterName);
        _turns = meter.CreateCounter<long>("triagebot.turns", "{turn}", "Requests to /api/messages, by activity type and outcome");
        _turnDuration = meter.CreateHistogram<double>("triagebot.turn.duration", "s", "Time from a request to /api/messages to its answer");
        _reportToCard = meter.CreateHistogram<double>("triagebot.report_to_card.duration", "s",
            "Time from the answer that called for the duty lead to the first card's delivery by the outbox");
        _failedDeliveries = meter.CreateCounter<long>("triagebot.outbox.failed_deliveries", "{delivery}",
            "Outbox deliveries that did not go through: tried again later (retry) or given up (failed)");
        meter.CreateObservableGauge("triagebot.outbox.backlog", ObserveBacklog, "{message}", "Outbox messages not yet delivered, by kind");
        meter.CreateObservableGauge("triagebot.outbox.oldest_card.age", () => Snapshot().OldestCardAge.TotalSeconds, "s",
            "How long the oldest undelivered escalation card has waited (0 when none waits)");
        meter.CreateObservableGauge("triagebot.escalations.waiting", () => Snapshot().EscalationsWaiting, "{escalation}",
            "Escalations waiting for the duty lead's decision");
    }

    public void TurnHandled(string? activityType, string outcome, TimeSpan duration)
    {
        var tags = new TagList
        {
            { TriageBotTelemetry.ActivityTypeTag, TriageBotTelemetry.ActivityTypeOf(activityType) },
            { TriageBotTelemetry.OutcomeTag, outcome },
        };
        _turns.Add(1, tags);
        _turnDuration.Record(duration.TotalSeconds, tags);
    }

    public void FirstCardDelivered(string level, TimeSpan sinceRequested) =>
        _reportToCard.Record(Math.Max(0, sinceRequested.TotalSeconds), new KeyValuePair<string, object?>(TriageBotTelemetry.LevelTag, level));

    public void DeliveryFailed(string kind, bool givenUp) =>
        _failedDeliveries.Add(1,
            new KeyValuePair<string, object?>(TriageBotTelemetry.OutboxKindTag, kind),
            new KeyValuePair<string, object?>(TriageBotTelemetry.OutcomeTag, givenUp ? "failed" : "retry"));

    private IEnumerable<Measurement<long>> ObserveBacklog() =>
        Snapshot().BacklogByKind.Select(pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>(TriageBotTelemetry.OutboxKindTag, pair.Key)));

    private OperationalSnapshot Snapshot() => _reader.Read(_time.GetUtcNow());
}
