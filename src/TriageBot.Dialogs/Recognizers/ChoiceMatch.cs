using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Recognizers;

/// <summary>The choice that was meant, or none; when several fit, <see cref="Candidates"/> lists them.</summary>
public sealed record ChoiceMatch(Choice? Choice, IReadOnlyList<Choice> Candidates)
{
    public static ChoiceMatch None { get; } = new(null, []);

    public bool IsAmbiguous => Choice is null && Candidates.Count > 1;

    public static ChoiceMatch Found(Choice choice) => new(choice, [choice]);
}
