using TriageBot.Dialogs.Prompts;
using TriageBot.Dialogs.Recognizers;
using TriageBot.Dialogs.Runtime;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Commands;

/// <summary>
/// A command honoured at any point, before the active dialog sees the message: its name, the whole messages that
/// invoke it, and what it does. Only a whole message counts ("Help!" does; "help me, a student is bleeding" does not),
/// and a card button invokes it by sending <see cref="ButtonValue"/>.
/// </summary>
public sealed record GlobalCommand(string Name, IReadOnlyList<string> Phrases, Func<DialogContext, CancellationToken, Task> RunAsync)
{
    /// <summary>The choice value a card button sends to run this command from anywhere.</summary>
    public string ButtonValue => "command:" + Name;

    public bool Matches(TurnInput input)
    {
        if (ChoicePrompt.ButtonValue(input) is { } pressed)
        {
            return string.Equals(pressed, ButtonValue, StringComparison.Ordinal);
        }

        // Normalising drops punctuation ("Cancel." is cancel); a phrase that is only punctuation ("?") is compared as typed.
        var typed = InputText.Normalise(input.Text);
        var raw = input.Text?.Trim() ?? string.Empty;
        return Phrases.Any(phrase =>
            string.Equals(typed, phrase, StringComparison.OrdinalIgnoreCase) || string.Equals(raw, phrase, StringComparison.OrdinalIgnoreCase));
    }
}
