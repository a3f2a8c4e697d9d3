namespace TriageBot.Dialogs.Turns;

/// <summary>
/// One step of a report (cards/step.json): the protocol's name, the instruction or question in large text, one large
/// button per answer, then Back (when the last answer can be undone) and Emergency.
/// </summary>
/// <param name="Heading">The protocol's name ("Report" before one is chosen); never the student.</param>
/// <param name="Text">The instruction or question, as the protocol words it.</param>
/// <param name="Answers">The answers, in order; each value carries the question's key (<c>step:fetch-lead|done</c>).</param>
/// <param name="OffersBack">Whether Back is offered (the danger question cannot be undone).</param>
/// <param name="Note">Said before the question when it is asked again (a stale button, an answer not understood).</param>
public sealed record StepCardContent(string Heading, string Text, IReadOnlyList<Choice> Answers, bool OffersBack, string? Note = null) : ReplyCardContent;
