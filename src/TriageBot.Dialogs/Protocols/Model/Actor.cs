namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>Who makes a referral or takes an action. Role names shown to staff come from the region pack.</summary>
public enum Actor
{
    /// <summary>The member of staff with the student, who is talking to the bot.</summary>
    ReportingAdult,

    /// <summary>The duty safeguarding lead (designated safeguarding lead in the UK).</summary>
    DutyLead,

    /// <summary>The head teacher (principal): allegations about staff go to them, never to the person concerned.</summary>
    HeadTeacher,

    /// <summary>The chair of governors or proprietor (US: the district office): allegations about the head teacher go to them.</summary>
    GovernanceLead,

    Counsellor,

    /// <summary>Short-term cognitive behavioural therapy, tier 2.</summary>
    CbtPractitioner,

    /// <summary>Psychotherapy, tiers 2 to 3.</summary>
    Psychotherapist,

    PlayTherapist,

    /// <summary>Special educational needs and disabilities coordinator.</summary>
    Sendco,

    SchoolNurse,
}
