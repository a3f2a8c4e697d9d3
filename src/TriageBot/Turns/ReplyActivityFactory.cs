using TriageBot.Cards;
using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Turns;

/// <summary>
/// Turns what a dialog said into an activity addressed back to the sender. A reply drawn as a card
/// (<see cref="ReplyCards"/>: steps, screening questions, the summary and status with their templates, other choices as
/// a plain choice card) goes as the card only: Teams splits text plus card into two messages, and the card carries the
/// text, in its fallbackText too. Its summary (what notifications show) is the reply's title, which never names the
/// student. Any other reply goes as text.
/// </summary>
public static class ReplyActivityFactory
{
    public static Activity Create(Activity incoming, BotReply reply, ReplyCards cards)
    {
        var activity = incoming.CreateReply();
        if (cards.Build(reply) is { } card)
        {
            activity.Attachments = [Attachment.AdaptiveCard(card)];
            activity.Summary = reply.Title ?? reply.Text;
        }
        else
        {
            activity.Text = reply.Text;
        }

        return activity;
    }
}
