namespace TriageBot.Dialogs.FollowUps;

/// <summary>Who a follow-up task belongs to when it is made (its owner can reassign it later).</summary>
public enum FollowUpOwner
{
    /// <summary>The member of staff who made the report.</summary>
    Reporter,

    /// <summary>The lead who decided the escalation (decision triggers only).</summary>
    DecidingLead,

    /// <summary>The lead on duty when the task is made (the head of the rota's chain at that moment).</summary>
    DutyLead,

    /// <summary>The first of the rota's designated_leads.</summary>
    DesignatedLead,

    /// <summary>Whoever owned the task named in <c>after:</c> (follow_up_done only).</summary>
    PreviousOwner,
}
