namespace TriageBot.Dialogs.Escalations;

/// <summary>What a duty lead can do from the escalation card. Stored and sent in cards as snake_case.</summary>
public enum EscalationVerb
{
    /// <summary>Approve every recommended referral.</summary>
    Approve,

    /// <summary>Approve only the referrals ticked on the card.</summary>
    ApproveSelected,

    /// <summary>Change the urgency (and keep the referrals).</summary>
    Amend,

    /// <summary>Change the referrals: remove some of those recommended, add others from the school's services, with a reason.</summary>
    AmendReferrals,

    /// <summary>The lead becomes the owner of the incident.</summary>
    TakeOver,

    /// <summary>Decline the escalation, with a reason.</summary>
    Decline,

    /// <summary>Ask the reporting member of staff a question; the answer comes back to the lead. Not a decision.</summary>
    Ask,
}

public static class EscalationVerbs
{
    /// <summary>Verbs that settle the escalation: exactly one of these is ever recorded per escalation.</summary>
    public static bool IsDecision(EscalationVerb verb) => verb != EscalationVerb.Ask;
}
