using Microsoft.Extensions.Time.Testing;
using TriageBot.Dialogs.Tests.Conversations;
using TriageBot.Dialogs.Tests.Protocols;
using TriageBot.Dialogs.Welcome;

namespace TriageBot.Dialogs.Tests.Triage;

/// <summary>The real bot on the repository's content, with a clock the test moves.</summary>
internal static class TriageTestBot
{
    public static readonly DateTimeOffset Monday0900 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static (TestConversation Conversation, FakeTimeProvider Clock) Create(string region = "uk")
    {
        var clock = TestClock.At(Monday0900);
        var catalog = region == "uk" ? RepositoryContent.Catalog : RepositoryContent.Catalog.ForRegion(region);
        var bot = new TriageConversationBot(new WelcomeTexts(catalog.Region.EmergencyNumber), catalog, clock);
        return (new TestConversation(bot), clock);
    }

    /// <summary>Every text of the turn's replies, one per line (for Contains checks).</summary>
    public static string Transcript(this TestConversation conversation) => string.Join("\n", conversation.Replies.Select(r => r.Text));

    /// <summary>The value of the button with this title on the turn's last reply.</summary>
    public static string Button(this TestConversation conversation, string title) =>
        conversation.Replies[^1].Choices!.Single(c => c.Title == title).Value;

    public static Task PressButton(this TestConversation conversation, string title) => conversation.Press(conversation.Button(title));
}
