namespace TriageBot.Dialogs.Protocols.Scoring;

/// <summary>The ASQ screen result as NIMH defines it.</summary>
public enum AsqResult
{
    /// <summary>"No" to all of questions 1-4. Clinical judgement can always override a negative screen.</summary>
    Negative,

    /// <summary>Positive on 1-4 (a "yes" or a declined answer) and "no" to question 5: potential risk identified.</summary>
    NonAcutePositive,

    /// <summary>Positive on 1-4 and "yes" to question 5 (or question 5 declined): imminent risk identified.</summary>
    AcutePositive,
}
