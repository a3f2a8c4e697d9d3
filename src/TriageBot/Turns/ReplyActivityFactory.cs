using TriageBot.Cards;
using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Turns;

/// <summary>
/// Turns what a dialog said into an activity addressed back to the sender. A reply with choices goes as a card only
/// (<see cref="ReplyCards"/>: a report's steps with cards/step.json)
/// (Teams splits text plus card into two messages, and the card carries the text).
/// </summary>
public static class ReplyActivityFactory
{
    public static Activity Create(Activity incoming, BotReply reply, ReplyCards cards)
    {
        var activity = incoming.CreateReply();
        if (reply.HasChoices)
        {
            activity.Attachments = [Attachment.AdaptiveCard(cards.Build(reply))];

            // What notifications and clients without cards show.
            activity.Summary = reply.Title ?? reply.Text;
        }
        else
        {
            activity.Text = reply.Text;
        }

        return activity;
    }
}
