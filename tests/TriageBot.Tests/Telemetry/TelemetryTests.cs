using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TriageBot.Outbox;
using TriageBot.Telemetry;
using TriageBot.Tests.Escalations;

namespace TriageBot.Tests.Telemetry;

/// <summary>
/// What the school's IT person sees in Application Insights (read here from the in-memory exporter): a scripted report
/// that calls for the duty lead, whose first card the connector refuses once and takes 45 seconds later.
/// </summary>
[Collection(nameof(TelemetryTestsRunAlone))]
public sealed class TelemetryTests : IAsyncLifetime
{
    private static readonly string LeadChat = EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad);

    /// <summary>Nothing that names a person, a conversation or what was said may appear in any attribute.</summary>
    private static readonly string[] PersonalMarkers =
        ["aad-staff-1", EscalationTestSchool.LeadAad, EscalationTestSchool.StaffConversation, "staff-1", "JB Y9", "wants to die", "Sam Taylor"];

    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private EscalationTestSchool _school = null!;

    public async Task InitializeAsync()
    {
        // Retries are left to the outbox (none in the connector client), so the test's clock decides when the card goes.
        _school = await EscalationTestSchool.StartAsync(
            new Dictionary<string, string?> { ["ConnectorRetry:MaxRetryAttempts"] = "0" },
            moreServices: services => services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddTriageBotTracing().AddInMemoryExporter(_spans))
                .WithMetrics(metrics => metrics.AddTriageBotMetrics().AddInMemoryExporter(_metrics)));
    }

    public async Task DisposeAsync() => await _school.DisposeAsync();

    [Fact]
    public async Task AReportThatCallsForTheLead_IsCountedAndTimed_FromAnswerToCard()
    {
        await ReportWithTheFirstCardRefusedAsync();

        _school.Clock.Advance(TimeSpan.FromSeconds(45));
        var waiting = Collect();
        Assert.Equal(1, Gauge(waiting, "triagebot.outbox.backlog", (TriageBotTelemetry.OutboxKindTag, OutboxKinds.PostEscalationCard)));
        Assert.Equal(45, Gauge(waiting, "triagebot.outbox.oldest_card.age"));
        Assert.Equal(1, Gauge(waiting, "triagebot.escalations.waiting"));
        Assert.Equal(1, Sum(waiting, "triagebot.outbox.failed_deliveries", (TriageBotTelemetry.OutboxKindTag, OutboxKinds.PostEscalationCard), (TriageBotTelemetry.OutcomeTag, "retry")));
        Assert.Empty(Points(waiting, "triagebot.report_to_card.duration"));

        await DeliverTheCardAsync();
        var delivered = Collect();

        // The lead's card arrived 45 s after the answer that called for them; nobody has decided yet.
        var reportToCard = Assert.Single(Points(delivered, "triagebot.report_to_card.duration"));
        Assert.Equal(1, reportToCard.GetHistogramCount());
        Assert.Equal(45, reportToCard.GetHistogramSum());
        Assert.Equal(0, Gauge(delivered, "triagebot.outbox.backlog", (TriageBotTelemetry.OutboxKindTag, OutboxKinds.PostEscalationCard)));
        Assert.Equal(0, Gauge(delivered, "triagebot.outbox.oldest_card.age"));
        Assert.Equal(1, Gauge(delivered, "triagebot.escalations.waiting"));

        // The lead's hello and the ten answers of the report: eleven messages, each answered and timed.
        var turns = (TriageBotTelemetry.ActivityTypeTag, "message");
        var completed = (TriageBotTelemetry.OutcomeTag, "completed");
        Assert.Equal(11, Sum(delivered, "triagebot.turns", turns, completed));
        Assert.Equal(11, Assert.Single(Points(delivered, "triagebot.turn.duration", turns, completed)).GetHistogramCount());
    }

    [Fact]
    public async Task EachTurn_IsATrace_WithItsStoreAndConnectorCalls_AndNoPersonalData()
    {
        await ReportWithTheFirstCardRefusedAsync();
        _school.Clock.Advance(TimeSpan.FromSeconds(45));
        await DeliverTheCardAsync();
        await WaitUntilAsync(() => Task.FromResult(CardDeliverySpans() >= 2), "the card's delivery span never ended");
        Assert.True(_school.Bot.Services.GetRequiredService<TracerProvider>().ForceFlush());
        var spans = _spans.ToList();

        // A turn: the request, then the turn, the state read, the dialog, the write, and each reply to the connector.
        var turns = spans.Where(s => s.OperationName == "turn").ToList();
        Assert.Equal(11, turns.Count);
        Assert.All(turns, turn =>
        {
            var trace = spans.Where(s => s.TraceId == turn.TraceId).ToList();
            Assert.Contains(trace, s => s.Kind == ActivityKind.Server && (string?)s.GetTagItem("http.route") == "/api/messages");
            Assert.Equal(turn.SpanId, Assert.Single(trace, s => s.OperationName == "store.load").ParentSpanId);
            Assert.Equal(turn.SpanId, Assert.Single(trace, s => s.OperationName == "dialog").ParentSpanId);
            Assert.Equal(true, Assert.Single(trace, s => s.OperationName == "store.save").GetTagItem("triagebot.store.saved"));
            var replies = trace.Where(s => s.ParentSpanId == turn.SpanId && s.OperationName is "connector ReplyToActivity" or "connector SendToConversation").ToList();
            Assert.NotEmpty(replies);
            Assert.All(replies, reply =>
            {
                Assert.Equal(200, reply.GetTagItem("http.response.status_code"));
                Assert.Contains(trace, s => s.Kind == ActivityKind.Client && s.ParentSpanId == reply.SpanId);
            });
            Assert.Equal("message", turn.GetTagItem(TriageBotTelemetry.ActivityTypeTag));
            Assert.Equal("completed", turn.GetTagItem(TriageBotTelemetry.OutcomeTag));
        });

        // The lead's card: refused once (an error span, in the trace of the turn that asked for the lead: it is sent at
        // once), then delivered by the outbox later (a trace of its own), each with its connector call.
        var deliveries = spans.Where(s => s.OperationName == "outbox.deliver" && (string?)s.GetTagItem(TriageBotTelemetry.OutboxKindTag) == OutboxKinds.PostEscalationCard).ToList();
        Assert.Equal([ActivityStatusCode.Error, ActivityStatusCode.Unset], deliveries.Select(d => d.Status));
        Assert.All(deliveries, delivery => Assert.Contains(spans, s => s.ParentSpanId == delivery.SpanId && s.OperationName == "connector SendToConversation"));
        Assert.Equal(turns[^1].TraceId, deliveries[0].TraceId);
        Assert.DoesNotContain(spans, s => s.OperationName == "turn" && s.TraceId == deliveries[1].TraceId);

        // The connector's URLs keep the REST words and lose the ids.
        var urls = spans.Select(s => s.GetTagItem("url.full") as string).OfType<string>().ToList();
        Assert.Contains(urls, url => url.EndsWith("/connector/v3/conversations/{id}/activities/{id}", StringComparison.Ordinal));

        var values = spans.SelectMany(s => s.TagObjects.Select(tag => $"{s.OperationName} {tag.Key}={tag.Value}")).ToList();
        foreach (var marker in PersonalMarkers.Concat([Uri.EscapeDataString(EscalationTestSchool.StaffConversation), Uri.EscapeDataString(LeadChat)]))
        {
            Assert.DoesNotContain(values, value => value.Contains(marker, StringComparison.Ordinal));
            Assert.DoesNotContain(spans, s => s.DisplayName.Contains(marker, StringComparison.Ordinal));
        }
    }

    private async Task ReportWithTheFirstCardRefusedAsync()
    {
        await _school.SayAsync(EscalationTestSchool.LeadAad, "hi");
        var refused = false;
        _school.Connector.Failure = (method, path) =>
            method == "POST" && path.Contains(LeadChat, StringComparison.Ordinal) && !refused && (refused = true) ? (503, null) : null;

        await _school.ReportAcutePositiveAsqAsync();

        // The card went out at once and was refused; wait until the outbox has recorded that attempt.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await CardAttemptsAsync() < 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "the first card was never tried");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// The outbox sends the card, now due (here, or in its own loop, which may claim it first), and marks it sent: by
    /// then its delivery is measured.
    /// </summary>
    private async Task DeliverTheCardAsync()
    {
        await _school.Bot.Services.GetRequiredService<OutboxSender>().DrainAsync(CancellationToken.None);
        await _school.WaitForCardAsync(LeadChat);
        await WaitUntilAsync(async () => await CardsSentAsync() >= 1, "the card was never marked sent");
    }

    /// <summary>Read while the exporter may be adding: a copy of the array, without the slot being filled.</summary>
    private int CardDeliverySpans() =>
        _spans.ToArray().Count(s => s is not null && s.OperationName == "outbox.deliver" && (string?)s.GetTagItem(TriageBotTelemetry.OutboxKindTag) == OutboxKinds.PostEscalationCard);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20);
        }
    }

    private async Task<long> CardsSentAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_school.Bot.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE kind = @kind AND status = 'sent';", new { kind = OutboxKinds.PostEscalationCard });
    }

    private async Task<long> CardAttemptsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_school.Bot.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(attempts), 0) FROM outbox WHERE kind = @kind;", new { kind = OutboxKinds.PostEscalationCard });
    }

    /// <summary>Collects the metrics now (as an export interval would) and returns that export.</summary>
    private List<MetricSnapshot> Collect()
    {
        _metrics.Clear();
        Assert.True(_school.Bot.Services.GetRequiredService<MeterProvider>().ForceFlush());
        return [.. _metrics];
    }

    private static List<MetricPoint> Points(List<MetricSnapshot> export, string name, params (string Key, string Value)[] tags)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in export.Where(m => m.Name == name))
        {
            foreach (var point in metric.MetricPoints)
            {
                var pointTags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    pointTags[tag.Key] = tag.Value;
                }

                if (tags.All(t => pointTags.TryGetValue(t.Key, out var value) && Equals(value, t.Value)))
                {
                    points.Add(point);
                }
            }
        }

        return points;
    }

    private static double Gauge(List<MetricSnapshot> export, string name, params (string Key, string Value)[] tags)
    {
        var point = Assert.Single(Points(export, name, tags));
        return export.First(m => m.Name == name).MetricType == MetricType.LongGauge ? point.GetGaugeLastValueLong() : point.GetGaugeLastValueDouble();
    }

    private static long Sum(List<MetricSnapshot> export, string name, params (string Key, string Value)[] tags) =>
        Assert.Single(Points(export, name, tags)).GetSumLong();
}
