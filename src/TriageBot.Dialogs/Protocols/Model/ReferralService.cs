namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>Somewhere a student can be referred: a school team or an outside agency.</summary>
/// <param name="Id">How referral rules name it.</param>
/// <param name="Name">Its name; may hold placeholders such as <c>{agency:camhs}</c>.</param>
/// <param name="Contact">How to reach it; placeholders such as <c>{contact:mash}</c> or <c>{emergency}</c>.</param>
/// <param name="Description">What it offers, in one line.</param>
public sealed record ReferralService(
    string Id,
    string Name,
    ServiceKind Kind,
    string Contact,
    string Description,
    ContentLocation Location);
