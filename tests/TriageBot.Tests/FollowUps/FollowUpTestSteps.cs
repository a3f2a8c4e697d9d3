using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.FollowUps;
using TriageBot.Tests.Escalations;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.FollowUps;

/// <summary>
/// Steps shared by the follow-up tests: a suicide concern with a negative screen (which goes to the duty lead by the
/// referral rules and recommends the school counsellor), the lead's approval, one tick of the follow-up timer, the
/// cards that reach a conversation, and what the database holds.
/// </summary>
internal static class FollowUpTestSteps
{
    public const string Staff = "aad-staff-1";

    /// <summary>Reports with ASQ q1–q4 all "no", then answers "No" or "Done" through the remaining steps to the summary.</summary>
    public static async Task ReportNegativeScreenAsync(EscalationTestSchool school)
    {
        foreach (var text in new[] { "a year 9 girl told me she wants to die", "no", "JB Y9", "done", "no", "no", "no", "no", "no" })
        {
            Assert.Equal(HttpStatusCode.OK, (await school.SayAsync(Staff, text, EscalationTestSchool.StaffConversation)).StatusCode);
        }

        for (var turn = 0; turn < 20; turn++)
        {
            var last = school.CallsTo(EscalationTestSchool.StaffConversation).Last(c => c.Method == "POST" && c.Body is not null);
            if (last.Body!.ToJsonString().Contains("Summary", StringComparison.Ordinal))
            {
                return;
            }

            // "No" where the question offers it (no further worry, no danger), else "Done", else the first answer.
            var buttons = Buttons(last.Body!).Where(b => b.Title is not ("Back" or "Emergency"))
                .OrderBy(b => b.Title?.StartsWith("No", StringComparison.Ordinal) == true ? 0 : b.Title == "Done" ? 1 : 2)
                .ToList();
            var response = last.Text?.Contains("Why?", StringComparison.Ordinal) == true || buttons.Count == 0
                ? await school.SayAsync(Staff, "she asked me to keep it between us, so I am passing it on", EscalationTestSchool.StaffConversation)
                : await school.PressAsync(Staff, EscalationTestSchool.StaffConversation, buttons[0].Data);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Fail("The report did not reach its summary.");
    }

    /// <summary>The lead on duty approves the escalation from its card (all recommended referrals).</summary>
    public static async Task LeadApprovesAsync(EscalationTestSchool school)
    {
        var card = await school.WaitForCardAsync(EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad), EscalationTestSchool.IsEscalationCard);
        var escalationId = card.Card!.ToJsonString().Split("\"escalationId\":\"")[1].Split('"')[0];
        var response = await school.ExecuteAsync(EscalationTestSchool.LeadAad, "approve", new JsonObject { ["escalationId"] = escalationId, ["verb"] = "approve" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static Task TickAsync(EscalationTestSchool school) =>
        school.Bot.Services.GetRequiredService<FollowUpTimer>().RunOnceAsync(CancellationToken.None);

    /// <summary>Follow-up cards (reminders, overdue) that reached a conversation and mention this text.</summary>
    public static IReadOnlyList<RecordedCall> FollowUpCards(EscalationTestSchool school, string conversation, string text) =>
        school.CallsTo(conversation)
            .Where(c => c.Method == "POST" && c.Card is { } card && card.ToJsonString().Contains("taskId", StringComparison.Ordinal)
                && card.ToJsonString().Contains(text, StringComparison.Ordinal))
            .ToList();

    public static async Task<RecordedCall> WaitForFollowUpCardAsync(EscalationTestSchool school, string conversation, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var found = FollowUpCards(school, conversation, text);
            if (found.Count > 0)
            {
                return found[^1];
            }

            await Task.Delay(20);
        }

        Assert.Fail($"No follow-up card about '{text}' reached {conversation}.");
        return null!;
    }

    public static string TaskIdOf(RecordedCall card) => card.Card!.ToJsonString().Split("\"taskId\":\"")[1].Split('"')[0];

    public static async Task<IReadOnlyList<(long Number, string Rule, string Subject, string Status, string DueAt, string? OwnerPersonId)>> TasksAsync(EscalationTestSchool school)
    {
        await using var connection = new SqliteConnection($"Data Source={school.Bot.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return [.. await connection.QueryAsync<(long, string, string, string, string, string?)>(
            "SELECT number, rule_id, subject, status, due_at, owner_person_id FROM follow_ups ORDER BY number;")];
    }

    public static async Task<long> CountEventsAsync(EscalationTestSchool school, string type)
    {
        await using var connection = new SqliteConnection($"Data Source={school.Bot.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM incident_events WHERE type = @type;", new { type });
    }

    /// <summary>Every button of a card: its title and the data it sends.</summary>
    public static IEnumerable<(string? Title, JsonObject Data)> Buttons(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["data"] is JsonObject data && data["triagebotChoice"] is not null)
                {
                    yield return (obj["title"]?.GetValue<string>(), (JsonObject)data.DeepClone());
                }

                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        foreach (var button in Buttons(child))
                        {
                            yield return button;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>())
                {
                    foreach (var button in Buttons(child))
                    {
                        yield return button;
                    }
                }

                break;
        }
    }
}
