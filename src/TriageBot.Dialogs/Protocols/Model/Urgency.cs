namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>By when a referral must be made. Ordered from most to least urgent.</summary>
public enum Urgency
{
    Now = 0,
    Today = 1,
    Within24Hours = 2,
    Within5SchoolDays = 3,
}
