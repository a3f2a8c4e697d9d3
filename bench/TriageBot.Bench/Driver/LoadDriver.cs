using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using TriageBot.Bench.Connector;
using TriageBot.Bench.Reporting;
using TriageBot.Bench.Scenarios;

namespace TriageBot.Bench.Driver;

/// <summary>
/// Runs the scenario in C concurrent workers against one bot for a <see cref="PhaseLength"/>, timing every turn (POST
/// sent to 200 read) and every escalation (the escalating answer sent to the connector's receipt of what it is waiting
/// for). A report that goes wrong counts an error and is abandoned with its chat.
/// </summary>
internal sealed class LoadDriver(HttpClient http, LoopbackConnector connector, DriverSettings settings)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public IReadOnlyDictionary<string, LeadChat> Leads { get; set; } = new Dictionary<string, LeadChat>();

    private LoopbackConnector Loopback => connector;

    private DriverSettings Settings => settings;

    /// <param name="trace">Print the first report's transcript (when the settings have somewhere to print it).</param>
    /// <param name="metrics">Where to count (the caller may watch it while the phase runs).</param>
    /// <param name="thinkTime">The mean pause before each turn (<see cref="ThinkTimePacer"/>); null: none, closed loop.</param>
    public async Task<RunMetrics> RunAsync(
        Target target, string phase, int concurrency, PhaseLength length, CancellationToken cancellationToken, bool trace = false, RunMetrics? metrics = null,
        TimeSpan? thinkTime = null)
    {
        metrics ??= new RunMetrics();
        var run = new PhaseRun(this, target, metrics, cancellationToken);
        var clock = Stopwatch.StartNew();
        var gate = length.Start();

        async Task WorkerAsync(int index)
        {
            var staff = new StaffMember(settings.RunId, phase, index);
            var pacer = thinkTime is { } mean ? new ThinkTimePacer(mean, index) : null;
            var first = true;
            while (!cancellationToken.IsCancellationRequested && !metrics.Aborted && gate.MayStartReport())
            {
                await run.ReportAsync(staff, pacer, trace: trace && first && index == 0 ? settings.Trace : null);
                first = false;

                // Every report so far went wrong the same way: a broken build or scenario, not load. Stop the phase.
                if (metrics.ConversationsCompleted == 0 && metrics.ErrorCount >= 2 * concurrency)
                {
                    metrics.Abort();
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Task.Run(() => WorkerAsync(i), cancellationToken)));
        metrics.Elapsed = clock.Elapsed;
        return metrics;
    }

    /// <summary>Opens a 1:1 chat with the bot for each duty lead, so the bot knows where to send them cards.</summary>
    public async Task RegisterLeadsAsync(Target target, IReadOnlyList<LeadChat> leads, CancellationToken cancellationToken)
    {
        var metrics = new RunMetrics();
        foreach (var lead in leads)
        {
            connector.RegisterMember(lead.ConversationId, lead.Member.ToMemberJson());
            connector.WatchAsLead(lead.ConversationId);
            var turn = await TurnAsync(target, ActivityJson.ConversationUpdate(lead.Member, lead.ConversationId, connector.ServiceUrl), metrics, cancellationToken);
            if (!turn.Ok)
            {
                throw new InvalidOperationException($"The bot refused the chat of duty lead {lead.Member.Email}: {string.Join(", ", metrics.Errors.Keys)}");
            }
        }

        Leads = leads.ToDictionary(l => l.ConversationId, StringComparer.Ordinal);
    }

    private async Task<TurnResult> TurnAsync(Target target, byte[] activity, RunMetrics metrics, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.TurnTimeout);
        using var content = new ByteArrayContent(activity);
        content.Headers.ContentType = Json;
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsync(target.MessagesUrl, content, timeout.Token);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            var end = Stopwatch.GetTimestamp();
            if (!response.IsSuccessStatusCode)
            {
                metrics.Error($"HTTP {((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)}");
                return new TurnResult(false, start, end, body);
            }

            metrics.Turn(start, end);
            return new TurnResult(true, start, end, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.Error($"timeout (no answer in {settings.TurnTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s)");
        }
        catch (HttpRequestException exception)
        {
            metrics.Error($"connection: {exception.HttpRequestError}");
        }

        return new TurnResult(false, start, Stopwatch.GetTimestamp(), []);
    }

    private sealed record TurnResult(bool Ok, long Start, long End, byte[] Body);

    /// <summary>One phase's reports against one target.</summary>
    private sealed class PhaseRun(LoadDriver driver, Target target, RunMetrics metrics, CancellationToken cancellationToken)
    {
        private LoopbackConnector Connector => driver.Loopback;

        public async Task<bool> ReportAsync(StaffMember staff, ThinkTimePacer? pacer, TextWriter? trace)
        {
            metrics.ConversationStarted();
            var serviceUrl = Connector.ServiceUrl;
            var inbox = Connector.Inbox(staff.ConversationId);
            IReadOnlyList<ReceivedActivity> last = [];

            if (!staff.Greeted)
            {
                Connector.RegisterMember(staff.ConversationId, staff.Member.ToMemberJson());
                await ThinkAsync(pacer);
                var greeting = await driver.TurnAsync(target, ActivityJson.ConversationUpdate(staff.Member, staff.ConversationId, serviceUrl), metrics, cancellationToken);
                if (!greeting.Ok)
                {
                    return Abandon(staff, null);
                }

                last = inbox.Drain();
                Trace(trace, "(bot added)", greeting, last);
                if (last.Count == 0)
                {
                    return Abandon(staff, "missing reply (welcome)");
                }

                staff.Greeted = true;
            }

            Task<ReceivedActivity?>? leadCard = null;
            var escalationSentAt = 0L;
            var cardTimed = false;
            var steps = TriageScenario.Steps;
            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                var stepName = $"step {(i + 1).ToString(CultureInfo.InvariantCulture)}";
                byte[] activity;
                switch (step.Kind)
                {
                    case StepKind.Say:
                        activity = ActivityJson.Message(staff.Member, staff.ConversationId, serviceUrl, step.Input, null);
                        break;
                    case StepKind.Press:
                        var data = target.Kind == TargetKind.Floor
                            ? new JsonObject { ["triagebotChoice"] = step.Input }
                            : last.Reverse().Select(r => r.ButtonData(step.Input)).FirstOrDefault(d => d is not null);
                        if (data is null)
                        {
                            return Abandon(staff, $"no button '{step.Input}' on the bot's last card ({stepName})");
                        }

                        activity = ActivityJson.Message(staff.Member, staff.ConversationId, serviceUrl, null, data);
                        break;
                    case StepKind.LeadApproves:
                        if (target.Kind == TargetKind.Floor)
                        {
                            activity = ActivityJson.CardAction(staff.Member, staff.ConversationId, serviceUrl, "approve", new JsonObject { ["verb"] = "approve" });
                            break;
                        }

                        var card = leadCard is null ? null : await leadCard;
                        if (card is null || card.VerbData("approve") is not { } approve || !driver.Leads.TryGetValue(card.ConversationId, out var lead))
                        {
                            return Abandon(staff, $"no escalation card with Approve reached a duty lead ({stepName})");
                        }

                        TimeCard(card);
                        activity = ActivityJson.CardAction(lead.Member, lead.ConversationId, serviceUrl, "approve", approve);
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown step kind {step.Kind}.");
                }

                // Paced: the reporter reads the last answer, or the lead the card that has arrived (already timed), first.
                await ThinkAsync(pacer);
                var turn = await driver.TurnAsync(target, activity, metrics, cancellationToken);
                if (!turn.Ok)
                {
                    return Abandon(staff, null);
                }

                if (step.Kind == StepKind.LeadApproves)
                {
                    // TriageBot answers the lead's invoke in the HTTP body ({statusCode, type, value}); the floor replies as ever.
                    var echoed = target.Kind == TargetKind.Floor ? inbox.Drain() : [];
                    Trace(trace, $"{stepName}: lead approves", turn, echoed);
                    if (target.Kind == TargetKind.TriageBot ? !InvokeSucceeded(turn.Body) : echoed.Count == 0)
                    {
                        return Abandon(staff, $"the lead's approval was refused ({stepName})");
                    }

                    continue;
                }

                var replies = inbox.Drain();
                Trace(trace, $"{stepName}: {(step.Kind == StepKind.Press ? "press " : string.Empty)}'{step.Input}'", turn, replies);
                if (replies.Count == 0)
                {
                    return Abandon(staff, "missing reply");
                }

                if (target.Kind == TargetKind.TriageBot)
                {
                    if (step.Expect is { } expected && !replies.Any(r => r.Mentions(expected)))
                    {
                        return Abandon(staff, $"unexpected reply ({stepName}: no '{expected}')");
                    }

                    if (step.Escalation == ReportToCard.NoticeToReporter)
                    {
                        var notice = replies.FirstOrDefault(r => r.Text is { } text && TriageScenario.EscalationNoticeMarkers.Any(m => text.Contains(m, StringComparison.Ordinal)));
                        if (notice is null)
                        {
                            return Abandon(staff, $"no escalation notice ({stepName})");
                        }

                        metrics.Escalated(turn.Start, notice.ArrivedAt);
                    }
                    else if (step.Escalation == ReportToCard.CardToLead)
                    {
                        var sentAt = turn.Start;
                        var reporter = staff.Member.Name;
                        escalationSentAt = sentAt;
                        leadCard = Connector.LeadCards.WaitForAsync(a => a.ArrivedAt >= sentAt && a.Mentions(reporter), driver.Settings.CardTimeout, cancellationToken);
                    }
                }

                last = replies;
            }

            if (leadCard is not null)
            {
                if (await leadCard is not { } card)
                {
                    return Abandon(staff, "no escalation card reached a duty lead");
                }

                TimeCard(card);
            }

            metrics.ConversationCompleted();
            return true;

            void TimeCard(ReceivedActivity card)
            {
                if (!cardTimed)
                {
                    metrics.Escalated(escalationSentAt, card.ArrivedAt);
                    cardTimed = true;
                }
            }
        }

        /// <summary>The pause before a turn in the paced phase; before the turn's start timestamp, so never in its latency.</summary>
        private Task ThinkAsync(ThinkTimePacer? pacer) => pacer?.WaitAsync(cancellationToken) ?? Task.CompletedTask;

        /// <summary>Counts the error (when the turn has not already) and leaves the chat: the next report starts in a new one.</summary>
        private bool Abandon(StaffMember staff, string? error)
        {
            if (error is not null)
            {
                metrics.Error(error);
            }

            Connector.Forget(staff.ConversationId);
            staff.StartNewChat();
            return false;
        }

        private static bool InvokeSucceeded(byte[] body)
        {
            try
            {
                return JsonNode.Parse(body)?["statusCode"]?.GetValue<int>() == 200;
            }
            catch (System.Text.Json.JsonException)
            {
                return false;
            }
        }

        private static void Trace(TextWriter? trace, string sent, TurnResult turn, IReadOnlyList<ReceivedActivity> replies)
        {
            if (trace is null)
            {
                return;
            }

            var ms = Stopwatch.GetElapsedTime(turn.Start, turn.End).TotalMilliseconds;
            trace.WriteLine(string.Create(CultureInfo.InvariantCulture, $"> {sent}  [{ms:0.0} ms]"));
            foreach (var reply in replies)
            {
                var shown = reply.Text ?? reply.Json?["summary"]?.ToString() ?? "(card)";
                trace.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  < {Shorten(shown)}  [+{Stopwatch.GetElapsedTime(turn.Start, reply.ArrivedAt).TotalMilliseconds:0.0} ms]"));
            }
        }

        private static string Shorten(string text)
        {
            var oneLine = text.ReplaceLineEndings(" ");
            return oneLine.Length <= 110 ? oneLine : oneLine[..107] + "...";
        }
    }
}

/// <summary>A bot the driver talks to.</summary>
internal sealed record Target(string Name, TargetKind Kind, Uri MessagesUrl);
