namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>Whether a referral stays in school or goes to an outside agency.</summary>
public enum ServiceKind
{
    Internal,
    External,
}
