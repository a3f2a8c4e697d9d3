namespace TriageBot.Tests.Transcripts;

/// <summary>What a line of a transcript says: something staff do, or something the bot is expected to show.</summary>
internal enum TranscriptLineKind
{
    /// <summary><c>staff opens the chat</c>: Teams adds the bot to a 1:1 chat (a conversationUpdate).</summary>
    StaffOpensChat,

    /// <summary><c>staff: text</c>: a typed message.</summary>
    StaffSays,

    /// <summary><c>staff presses: title</c>: a button on the last card the bot sent.</summary>
    StaffPresses,

    /// <summary><c>bot: text</c>: one paragraph the bot shows, exactly.</summary>
    BotSays,

    /// <summary><c>bot~ text</c>: one paragraph the bot shows, which contains the text (for long paragraphs).</summary>
    BotSaysSomethingWith,

    /// <summary><c>buttons: A | B</c>: the buttons of the card, in order.</summary>
    Buttons,
}
