using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Rota;
using TriageBot.References;

namespace TriageBot.FollowUps;

/// <summary>
/// Where a follow-up card goes: a rota person's 1:1 chat (by Entra object id or email), or a member of staff's chat
/// with the bot (the one they reported in). Null when the bot has never talked to them.
/// </summary>
public sealed class FollowUpRecipients(IKnownConversationStore conversations, ProtocolCatalog catalog)
{
    public async Task<ConversationReference?> FindAsync(FollowUpOwnerRef owner, CancellationToken cancellationToken)
    {
        if (owner.PersonId is not null && catalog.Rota.Person(owner.PersonId) is { } person
            && await conversations.FindPersonalAsync(person.AadObjectId, person.Email, cancellationToken) is { } personal)
        {
            return personal.Reference;
        }

        if (owner.AadObjectId is not null && await conversations.FindPersonalAsync(owner.AadObjectId, null, cancellationToken) is { } byAad)
        {
            return byAad.Reference;
        }

        if (owner.ConversationId is null)
        {
            return null;
        }

        return await conversations.FindReferenceAsync(owner.ConversationId, owner.UserId, cancellationToken);
    }

    public Task<ConversationReference?> FindPersonAsync(string personId, CancellationToken cancellationToken) =>
        FindAsync(FollowUpOwners.Person(catalog.Rota, personId), cancellationToken);

    /// <summary>The rota person this caller is, if any (by Entra object id, or by the email learned for their chat).</summary>
    public RotaPerson? RotaPersonOf(string? aadObjectId, string? email) => DutyResolver.Find(catalog.Rota, aadObjectId, email);
}
