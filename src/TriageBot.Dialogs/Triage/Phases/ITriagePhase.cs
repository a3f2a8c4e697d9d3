using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Triage.Phases;

/// <summary>One kind of thing a report waits for: the danger question, the incident type, a protocol step, a reason.</summary>
internal interface ITriagePhase
{
    /// <summary>The question as shown now (asked first, asked again after help, status or a stale button).</summary>
    BotReply Ask(TriageTurn turn);

    /// <summary>
    /// Takes the member of staff's message. True when it answered the question (the report moved on); false when the
    /// phase has already said why not and asked again.
    /// </summary>
    Task<bool> AnswerAsync(TriageTurn turn, CancellationToken cancellationToken);
}
