namespace TriageBot.Dialogs.Turns;

/// <summary>
/// One screening question, word for word (cards/checklist-question.json): the checklist's name and the question's
/// number, how to ask (before the first question only), the question in large text, its answers, then Back and
/// Emergency.
/// </summary>
/// <param name="QuestionNumber">1 for the first question asked; questions that do not apply are not counted.</param>
/// <param name="Answers">The answers, in order; each value carries the question's key (<c>checklist:asq:q2|yes</c>).</param>
/// <param name="Intro">How to ask, before the first question; null after it.</param>
/// <param name="Note">Said before the question when it is asked again.</param>
public sealed record ChecklistQuestionCardContent(
    string ChecklistTitle,
    int QuestionNumber,
    string Question,
    IReadOnlyList<Choice> Answers,
    bool OffersBack,
    string? Intro = null,
    string? Note = null) : ReplyCardContent;
