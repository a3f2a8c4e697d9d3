using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using TriageBot.Tests.FollowUps;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Resilience;

/// <summary>
/// The bot is killed (not stopped) in the middle of a stream of turns from several members of staff at once, and
/// started again on the same folder: every turn that got its HTTP 200 is in the chronology and the chain verifies.
/// Then a follow-up reminder falls due, is sent, the process is killed and started again: the reminder is not sent
/// a second time.
/// </summary>
public sealed class CrashDuringTurnsTests
{
    private static readonly string[] Script = ["a year 9 girl told me she wants to die", "no", "JB Y9", "done", "no", "no", "no", "no"];

    // Each scripted turn records exactly one of these.
    private static readonly string[] OneEventPerTurn = ["incident.started", "danger.answered", "student.reference", "step.confirmed", "question.answered", "checklist.answered"];

    private static readonly string[] FastTimers = ["--FollowUps:TimerInterval=00:00:00.200", "--Outbox:PollInterval=00:00:00.050"];

    [Fact]
    public async Task KilledDuringAStreamOfTurns_EveryAcknowledgedTurnIsInTheChronology_AndNoReminderIsSentTwice()
    {
        var contentRoot = Directory.CreateTempSubdirectory("triagebot-crash-").FullName;
        await using var connector = await RecordingConnector.StartAsync();
        var acknowledged = new ConcurrentDictionary<string, int>();
        var firstLog = string.Empty;

        await using (var first = await BotProcess.StartAsync(contentRoot, FastTimers))
        {
            using var enoughTurns = new CancellationTokenSource();
            var staff = Enumerable.Range(1, 6).Select(n => Task.Run(async () =>
            {
                var conversation = $"a:crash-{n}";
                foreach (var text in Script)
                {
                    try
                    {
                        var response = await first.Client.PostAsync(Activities.Message(connector.ServiceUrl, conversation, text));
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            return;
                        }

                        acknowledged.AddOrUpdate(conversation, 1, (_, count) => count + 1);
                        if (acknowledged.Values.Sum() >= 20)
                        {
                            await enoughTurns.CancelAsync();
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the process died under this request: it was never acknowledged
                    }
                }
            })).ToList();

            // Killed while turns are still arriving.
            await Task.WhenAny(Task.Delay(Timeout.Infinite, enoughTurns.Token).ContinueWith(_ => { }, TaskScheduler.Default), Task.WhenAll(staff));
            await first.KillAsync();
            await Task.WhenAll(staff);
            firstLog = first.Output;
        }

        Assert.True(acknowledged.Values.Sum() >= 20, $"only {acknowledged.Values.Sum()} turns were acknowledged before the kill");
        Assert.True(acknowledged.Values.Sum() < Script.Length * 6, "the kill came after every turn had finished; it must come during the stream");

        await using (var second = await BotProcess.StartAsync(contentRoot, FastTimers))
        {
            // Every acknowledged turn is in the chronology (some unacknowledged ones may be too: they were saved, then the reply was lost).
            foreach (var (conversation, turns) in acknowledged)
            {
                Assert.True(
                    await EventsOfAsync(contentRoot, conversation) >= turns,
                    $"{conversation}: {turns} turns acknowledged but fewer in the log ({await EventListAsync(contentRoot, conversation)}). The killed process's warnings and errors:\n"
                    + string.Join('\n', firstLog.Split('\n').Where(line => line.Contains(" WRN]", StringComparison.Ordinal) || line.Contains(" ERR]", StringComparison.Ordinal) || line.Contains("fail", StringComparison.OrdinalIgnoreCase))));
            }

            // Finish one report, so its check-in task exists; then let time pass for it (the projection's reminder time
            // is moved to the past, as a clock would) and wait for the reminder to be sent and marked sent.
            var conversationId = "a:crash-finisher";
            foreach (var text in Script)
            {
                Assert.Equal(HttpStatusCode.OK, (await second.Client.PostAsync(Activities.Message(connector.ServiceUrl, conversationId, text))).StatusCode);
            }

            await FinishReportAsync(second, connector, conversationId);
            await WaitAsync(async () => await ScalarAsync<long>(contentRoot, "SELECT COUNT(*) FROM follow_ups WHERE rule_id = 'student-check-in';") == 1);
            await ExecuteAsync(contentRoot, "UPDATE follow_ups SET remind_at = '2000-01-01T00:00:00.0000000Z' WHERE rule_id = 'student-check-in';");
            await WaitAsync(async () => await ScalarAsync<long>(contentRoot, "SELECT COUNT(*) FROM outbox WHERE kind = 'follow_up_card' AND status = 'sent';") == 1);
            await second.KillAsync();
        }

        await using (var third = await BotProcess.StartAsync(contentRoot, FastTimers))
        {
            await Task.Delay(1500); // several timer ticks and outbox polls
            await third.KillAsync();
        }

        var reminders = connector.Calls.Count(c => c.Method == "POST" && c.Body?["summary"]?.GetValue<string>()?.EndsWith(" is due", StringComparison.Ordinal) == true);
        Assert.Equal(1, reminders);

        var (exitCode, output) = await BotProcess.RunCommandAsync(contentRoot, "verify", $"--contentRoot={contentRoot}");
        Assert.True(exitCode == 0, output);
        Assert.Contains("chain intact", output, StringComparison.Ordinal);
    }

    /// <summary>Answers "No" or "Done" (or types a reason) until the summary.</summary>
    private static async Task FinishReportAsync(BotProcess bot, RecordingConnector connector, string conversationId)
    {
        for (var turn = 0; turn < 20; turn++)
        {
            var last = connector.Calls.Last(c => c.Method == "POST" && c.Body is not null && c.RawPath.Contains(Uri.EscapeDataString(conversationId), StringComparison.Ordinal));
            if (last.Body!.ToJsonString().Contains("Summary", StringComparison.Ordinal))
            {
                return;
            }

            var buttons = FollowUpTestSteps.Buttons(last.Body!).Where(b => b.Title is not ("Back" or "Emergency"))
                .OrderBy(b => b.Title?.StartsWith("No", StringComparison.Ordinal) == true ? 0 : b.Title == "Done" ? 1 : 2)
                .ToList();
            var activity = Activities.Message(connector.ServiceUrl, conversationId, "she asked me not to tell anyone");
            if (last.Text?.Contains("Why?", StringComparison.Ordinal) != true && buttons.Count > 0)
            {
                activity.Remove("text");
                activity["value"] = buttons[0].Data.DeepClone();
            }

            Assert.Equal(HttpStatusCode.OK, (await bot.Client.PostAsync(activity)).StatusCode);
        }

        Assert.Fail("The report did not reach its summary.");
    }

    private static async Task<long> EventsOfAsync(string contentRoot, string conversation)
    {
        var incident = await ScalarAsync<string?>(contentRoot, $"SELECT incident_id FROM incident_events WHERE type = 'incident.started' AND data_json LIKE '%\"conversation\":\"{conversation}\"%';");
        return incident is null ? 0 : await ScalarAsync<long>(
            contentRoot,
            $"SELECT COUNT(*) FROM incident_events WHERE incident_id = '{incident}' AND type IN ({string.Join(", ", OneEventPerTurn.Select(t => $"'{t}'"))});");
    }

    private static async Task<string> EventListAsync(string contentRoot, string conversation)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(contentRoot, "data", "triagebot.db")};Pooling=False");
        await connection.OpenAsync();
        var incident = await connection.ExecuteScalarAsync<string?>($"SELECT incident_id FROM incident_events WHERE type = 'incident.started' AND data_json LIKE '%\"conversation\":\"{conversation}\"%';");
        var types = await connection.QueryAsync<string>("SELECT type FROM incident_events WHERE incident_id = @incident ORDER BY sequence;", new { incident });
        return string.Join(", ", types);
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the bot");
            await Task.Delay(50);
        }
    }

    private static async Task<T> ScalarAsync<T>(string contentRoot, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(contentRoot, "data", "triagebot.db")};Pooling=False");
        await connection.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    private static async Task ExecuteAsync(string contentRoot, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(contentRoot, "data", "triagebot.db")};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
    }
}
