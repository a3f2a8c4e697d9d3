namespace TriageBot.Dialogs.Turns;

/// <summary>
/// One message the bot sends back. With <see cref="Choices"/> the host renders a card with a button per choice
/// (pressing one sends the choice's <see cref="Choice.Value"/> back as card data); typed answers work as well.
/// <see cref="Card"/>, when set, says which of the bot's card templates draws the reply and with what data; the
/// <see cref="Text"/> is then what clients without cards show. The dialogs never build the card themselves.
/// </summary>
public sealed record BotReply(string Text, IReadOnlyList<Choice>? Choices = null, string? Title = null, ReplyCardContent? Card = null)
{
    public bool HasChoices => Choices is { Count: > 0 };
}

/// <summary>An option offered to the person: a stable value, the button title, and other words that also pick it.</summary>
public sealed record Choice(string Value, string Title, IReadOnlyList<string>? Synonyms = null);
