using System.Net;
using TriageBot.Tests.Infrastructure;
using TriageBot.Tests.Transcripts;

namespace TriageBot.Tests.Detection;

/// <summary>
/// The phrases of issue 16, each posted as a member of staff's first message to POST /api/messages on the real host:
/// each starts the right report, offers the right types first, or (for everyday words) starts none and asks what is
/// happening. Never a silent menu for a crisis word.
/// </summary>
public sealed class CrisisPhraseEndpointTests
{
    private const string Suicidal = "Suicidal thoughts or talk of suicide";
    private const string SelfHarm = "Self-harm (recent injury or disclosure)";
    private const string Abuse = "Disclosure or signs of abuse or neglect";
    private const string Violence = "Violence, threat or weapon";
    private const string Missing = "Missing or absconded student";
    private const string StaffAllegation = "Allegation about a member of staff";

    [Theory]
    [InlineData("kms", Suicidal)]
    [InlineData("she said kms", Suicidal)]
    [InlineData("unalive", Suicidal)]
    [InlineData("he wants to unalive himself", Suicidal)]
    [InlineData("sucide", Suicidal)]
    [InlineData("she keeps talking about killing herself", Suicidal)]
    [InlineData("cut her wrists", SelfHarm)]
    [InlineData("a year 10 girl has cut her wrists in the toilets", SelfHarm)]
    [InlineData("raped", Abuse)]
    [InlineData("she told me she was raped at the weekend", Abuse)]
    [InlineData("her uncle sexually assaulted her", Abuse)]
    [InlineData("going to kill him", Violence)]
    [InlineData("a boy says he is going to kill him after school", Violence)]
    [InlineData("bomb", Violence)]
    [InlineData("he says there is a bomb in his bag", Violence)]
    [InlineData("missing", Missing)]
    [InlineData("dsl, kms", Suicidal)]
    [InlineData("who is on duty? cut her wrists", SelfHarm)]
    [InlineData("help bomb", Violence)]
    public async Task ACrisisPhrase_StartsItsReport(string text, string title)
    {
        var lines = await FirstRepliesTo(text);

        Assert.Equal(title, lines[0]);
        Assert.Equal($"This sounds like: {title}. Is anyone in immediate danger right now?", lines[1]);
        Assert.Equal("buttons: Yes | No | Emergency", lines[2]);
    }

    [Theory]
    [InlineData("Mr Smith touched her")]
    [InlineData("a year 6 girl says her teacher touched her")]
    public async Task AnAbuseReportNamingStaff_OffersTheStaffAllegationRouteFirst_ThenAbuse(string text)
    {
        var lines = await RepliesToLast(text, "no");

        Assert.Contains($"Your message tells of more than one thing: {StaffAllegation}; {Abuse}. Choose what to report first (the more urgent is first). You can report the other straight after.", lines);
        var buttons = lines.Single(line => line.StartsWith("buttons: ", StringComparison.Ordinal));
        Assert.StartsWith($"buttons: {StaffAllegation} | {Abuse} | ", buttons, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("she said she doesn't want to die", Suicidal)]
    [InlineData("her friend is self harming", SelfHarm)]
    [InlineData("what if she tried to kill herself", Suicidal)]
    public async Task ADeniedImaginedOrSomeoneElsesReport_IsAsked_WithItsTypeFirst_NeverStartedSilently(string text, string title)
    {
        var first = await FirstRepliesTo(text);
        var lines = await RepliesToLast(text, "no");

        Assert.DoesNotContain(first, line => line.StartsWith("This sounds like:", StringComparison.Ordinal));
        Assert.Contains("It may be one of these. Choose the closest.", lines);
        Assert.StartsWith($"buttons: {title} | ", lines.Single(line => line.StartsWith("buttons: ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("her anxiety is high")]
    [InlineData("he keeps missing lessons")]
    public async Task EverydayWords_StartNoReportOfTheWrongType_AndTheBotAsksWhatIsHappening(string text)
    {
        var lines = await FirstRepliesTo(text);

        Assert.DoesNotContain(lines, line => line.StartsWith("This sounds like:", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("Substance use", StringComparison.Ordinal) && !line.StartsWith("buttons:", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(Missing, StringComparison.Ordinal) && !line.StartsWith("buttons:", StringComparison.Ordinal));

        // A question with buttons: the menu (Report a concern first), never silence.
        Assert.Contains(lines, line => line.StartsWith("buttons: Report a concern", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALongerDescriptionWithEverydayWords_IsAReport_WithTheTypeMenu()
    {
        var first = await FirstRepliesTo("her anxiety is high and she is struggling in class");
        var lines = await RepliesToLast("her anxiety is high and she is struggling in class", "no");

        Assert.Equal(["Report", "Is anyone in immediate danger right now?", "buttons: Yes | No | Emergency"], first);
        Assert.Contains("What is happening? Choose the closest.", lines);
        Assert.DoesNotContain(lines, line => line.StartsWith("buttons: Substance use", StringComparison.Ordinal));
    }

    private static Task<List<string>> FirstRepliesTo(string text) => RepliesToLast(text);

    /// <summary>Posts each message in turn in one 1:1 chat; the bot's replies to the last one, as transcript lines.</summary>
    private static async Task<List<string>> RepliesToLast(params string[] texts)
    {
        await using var school = await TranscriptSchool.StartAsync("uk");
        var conversation = "a:staff-phrases";
        List<string> lines = [];
        foreach (var text in texts)
        {
            var message = school.Message(conversation, "aad-staff-phrases", text);
            var before = school.Connector.Calls.Count;

            var response = await school.Bot.Client.PostAsync(message);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var replies = school.Connector.Calls.Skip(before)
                .Where(call => call.Method == "POST" && call.RawPath.Contains(Uri.EscapeDataString(conversation), StringComparison.Ordinal))
                .ToList();
            Assert.NotEmpty(replies);
            lines = replies.SelectMany(call => BotReplyLines.Of(call.Body!)).Select(line => line.Render().Replace("bot:   ", string.Empty, StringComparison.Ordinal)).ToList();
        }

        return lines;
    }
}
