using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Transcripts;

/// <summary>
/// Plays a transcript against the real host: each staff line is posted to POST /api/messages as a Teams 1:1 message
/// (a press posts the button's data as the message value, as Action.Submit does), and what the bot sent to the
/// connector in reply to it is compared with the bot lines under it. The first difference fails the test with the
/// file, the line, and the whole turn as expected and as the bot said it.
/// </summary>
/// <remarks>
/// With TRIAGEBOT_TRANSCRIPT_DRAFTS set to a folder, differences do not fail: the run is written there as a transcript
/// file instead, to start a new transcript from or to see what changed after a content edit.
/// </remarks>
internal sealed class TranscriptRunner
{
    public const string DraftsVariable = "TRIAGEBOT_TRANSCRIPT_DRAFTS";
    private const string StaffAadObjectId = "aad-staff-transcripts";

    private readonly TranscriptSchool _school;
    private readonly Transcript _transcript;
    private readonly string _conversation;
    private readonly HashSet<string> _sentIds = new(StringComparer.Ordinal);
    private readonly List<TranscriptTurn> _ran = [];
    private JsonNode? _lastCard;

    private TranscriptRunner(TranscriptSchool school, Transcript transcript)
    {
        _school = school;
        _transcript = transcript;
        _conversation = $"a:staff-{Path.GetFileNameWithoutExtension(transcript.FileName)}";
    }

    public static async Task<TranscriptRun> RunAsync(Transcript transcript)
    {
        var drafts = Environment.GetEnvironmentVariable(DraftsVariable);
        await using var school = await TranscriptSchool.StartAsync(transcript.Region);
        var runner = new TranscriptRunner(school, transcript);
        try
        {
            foreach (var turn in transcript.Turns)
            {
                await runner.PlayAsync(turn, failOnDifference: drafts is null);
            }
        }
        finally
        {
            if (drafts is not null)
            {
                Directory.CreateDirectory(drafts);
                await File.WriteAllTextAsync(Path.Combine(drafts, transcript.FileName), new TranscriptRun(transcript, runner._ran).Render());
            }
        }

        if (drafts is null)
        {
            runner.AssertNothingElseWasSent();
        }

        return new TranscriptRun(transcript, runner._ran);
    }

    private async Task PlayAsync(TranscriptTurn turn, bool failOnDifference)
    {
        var activity = ActivityFor(turn.Staff);
        var id = activity["id"]!.GetValue<string>();
        _sentIds.Add(id);
        var before = _school.Connector.Calls.Count;

        // The turn's replies are sent before the endpoint answers, so they are all recorded once it has.
        var response = await _school.Bot.Client.PostAsync(activity);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Assert.Fail($"{Where(turn.Staff)}: the endpoint answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var replies = _school.Connector.Calls.Skip(before).Where(call => IsReplyTo(call, id)).ToList();
        var actual = replies.SelectMany(call => BotReplyLines.Of(call.Body!)).ToList();
        _ran.Add(turn with { Expected = actual });
        _lastCard = replies.SelectMany(call => BotReplyLines.Cards(call.Body!)).LastOrDefault() ?? _lastCard;

        if (failOnDifference && FirstDifference(turn.Expected, actual) is { } difference)
        {
            Assert.Fail(Mismatch(turn, actual, difference));
        }
    }

    private JsonObject ActivityFor(TranscriptLine staff)
    {
        switch (staff.Kind)
        {
            case TranscriptLineKind.StaffOpensChat:
                return _school.ChatOpened(_conversation, StaffAadObjectId);
            case TranscriptLineKind.StaffSays:
                return _school.Message(_conversation, StaffAadObjectId, staff.Text);
            default:
                if (_lastCard is null)
                {
                    Assert.Fail($"{Where(staff)}: staff presses '{staff.Text}', but the bot has not sent a card yet.");
                }

                var buttons = BotReplyLines.Buttons(_lastCard).ToList();
                if (buttons.FirstOrDefault(b => b["title"]?.GetValue<string>() == staff.Text)?["data"] is not JsonNode data)
                {
                    Assert.Fail($"{Where(staff)}: no button '{staff.Text}' on the last card. Its buttons: "
                        + TranscriptParser.JoinButtons(buttons.Select(b => b["title"]?.GetValue<string>() ?? "(no title)")));
                    return null!;
                }

                // Action.Submit: a message with the button's data as its value and no text.
                var press = _school.Message(_conversation, StaffAadObjectId, null);
                press["value"] = data.DeepClone();
                return press;
        }
    }

    /// <summary>A message the bot sent of its own accord (not an answer) would be missed by the turns.</summary>
    private void AssertNothingElseWasSent()
    {
        var unanswered = _school.Connector.Calls
            .Where(call => call.Method == "POST" && InConversation(call) && !_sentIds.Any(id => IsReplyTo(call, id)))
            .SelectMany(call => BotReplyLines.Of(call.Body!))
            .ToList();
        if (unanswered.Count > 0)
        {
            Assert.Fail($"{_transcript.FileName}: the bot also sent messages that answer no staff line:\n{Indented(unanswered, -1)}");
        }
    }

    private bool InConversation(RecordedCall call) =>
        call.RawPath.Contains($"/v3/conversations/{Uri.EscapeDataString(_conversation)}/activities", StringComparison.Ordinal);

    private bool IsReplyTo(RecordedCall call, string activityId) =>
        call.Method == "POST" && InConversation(call)
        && call.RawPath.EndsWith($"/activities/{Uri.EscapeDataString(activityId)}", StringComparison.Ordinal);

    /// <summary>The index of the first line that differs (a missing or extra line counts), or null when all match.</summary>
    private static int? FirstDifference(IReadOnlyList<TranscriptLine> expected, List<TranscriptLine> actual)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            if (i >= expected.Count || i >= actual.Count || !expected[i].Matches(actual[i]))
            {
                return i;
            }
        }

        return null;
    }

    private string Mismatch(TranscriptTurn turn, List<TranscriptLine> actual, int difference)
    {
        var line = difference < turn.Expected.Count ? turn.Expected[difference].Number : turn.Staff.Number;
        var message = new StringBuilder();
        message.Append($"{_transcript.FileName}:{line}: the bot's answer to line {turn.Staff.Number} differs from the transcript");
        message.Append(difference < turn.Expected.Count ? "." : " (the bot said more).").Append('\n');
        message.Append($"  {_transcript.Path}\n");
        message.Append($"{turn.Staff.Number,4}  {turn.Staff.Render()}\n");
        message.Append("expected (the transcript):\n").Append(Indented(turn.Expected, difference, withNumbers: true));
        message.Append("actual (the whole turn, as the bot said it):\n").Append(Indented(actual, difference));
        return message.ToString();
    }

    private static string Indented(IReadOnlyList<TranscriptLine> lines, int marked, bool withNumbers = false)
    {
        if (lines.Count == 0)
        {
            return "        (nothing)\n";
        }

        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var number = withNumbers ? $"{lines[i].Number,4}" : "    ";
            var rendered = lines[i].Render().Replace("\n", "\n      ", StringComparison.Ordinal);
            text.Append(number).Append(i == marked ? "> " : "  ").Append(rendered).Append('\n');
        }

        return text.ToString();
    }

    private string Where(TranscriptLine line) => $"{_transcript.FileName}:{line.Number}";
}
