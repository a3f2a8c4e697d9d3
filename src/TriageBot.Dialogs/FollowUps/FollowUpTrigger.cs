namespace TriageBot.Dialogs.FollowUps;

/// <summary>What makes a follow-up task (the <c>when:</c> of a rule).</summary>
public enum FollowUpTrigger
{
    /// <summary>The member of staff finished the report (its response level and referrals are known).</summary>
    ReportCompleted,

    /// <summary>The duty lead decided the escalation: approved, took over, changed the urgency or declined.</summary>
    EscalationDecided,

    /// <summary>The duty lead approved a referral: one task per approved referral that passes the rule's filter.</summary>
    ReferralApproved,

    /// <summary>The task of the rule named in <c>after:</c> was marked done.</summary>
    FollowUpDone,
}
