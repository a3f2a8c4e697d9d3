using System.Text.Json;
using Microsoft.Extensions.Options;
using TriageBot.Caching;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;

namespace TriageBot.References;

/// <summary>
/// Keeps a conversation reference for everyone the bot hears from (message, conversationUpdate, installationUpdate,
/// invoke), so a duty lead can be sent a card later. Writes only when something changed since this process last saw
/// the conversation. In Teams, a person's email is not on activities: it is read once from the member list, so a rota
/// that names people by email can still find them (looked up only while the rota has someone without an Entra object
/// id); failing that lookup only leaves the email unknown. What it remembers is bounded (References:RecentCacheSize).
/// </summary>
public sealed partial class ConversationReferenceCapture(
    IKnownConversationStore store,
    IConnectorClient connector,
    Dialogs.Protocols.ProtocolCatalog catalog,
    TimeProvider time,
    IOptions<ReferencesOptions> options,
    ILogger<ConversationReferenceCapture> logger)
{
    private readonly LruCache<string, string> _seen = new(options.Value.RecentCacheSize, StringComparer.Ordinal);

    /// <summary>Conversations (with their user) remembered as unchanged: at most References:RecentCacheSize.</summary>
    public int Remembered => _seen.Count;

    public async Task CaptureAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.From?.Id is not { Length: > 0 } userId || activity.Conversation?.Id is not { Length: > 0 } conversationId
            || activity.ServiceUrl is not { Length: > 0 } serviceUrl || activity.From.Role == "bot")
        {
            return;
        }

        var channelId = activity.ChannelId ?? string.Empty;
        var isPersonal = activity.Conversation.ConversationType is null or "personal" && activity.Conversation.IsGroup != true;
        // Hashed, so what is remembered per conversation has a fixed size whatever a sender puts in these fields.
        var fingerprint = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join('|', serviceUrl, activity.From.AadObjectId, activity.From.Name, activity.Conversation.TenantId))));
        var key = string.Join('|', channelId, conversationId, userId);
        if (_seen.TryGet(key, out var known) && known == fingerprint)
        {
            return;
        }

        var reference = activity.GetConversationReference() with { ActivityId = null };
        await store.UpsertAsync(new KnownConversation(
            channelId,
            userId,
            activity.From.AadObjectId,
            null,
            activity.From.Name,
            activity.Conversation.TenantId ?? TenantFromChannelData(activity),
            isPersonal,
            reference,
            time.GetUtcNow()), cancellationToken);
        _seen.Set(key, fingerprint);

        if (isPersonal && channelId == "msteams" && catalog.Rota.People.Any(p => p.AadObjectId is null)
            && !await store.HasEmailAsync(channelId, userId, cancellationToken))
        {
            await LearnEmailAsync(serviceUrl, conversationId, channelId, userId, cancellationToken);
        }
    }

    private async Task LearnEmailAsync(string serviceUrl, string conversationId, string channelId, string userId, CancellationToken cancellationToken)
    {
        try
        {
            var members = await connector.GetConversationMembersAsync(serviceUrl, conversationId, cancellationToken);
            var member = members.FirstOrDefault(m => m.Id == userId);
            if (EmailOf(member) is { } email)
            {
                await store.SetEmailAsync(channelId, userId, email, cancellationToken);
            }
        }
        catch (ConnectorException exception)
        {
            LogEmailNotLearned(exception.StatusCode);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or HttpRequestException or NotSupportedException)
        {
            // A channel that lists members differently (or not at all) only leaves the email unknown.
            LogEmailNotLearned(0);
        }
    }

    private static string? EmailOf(ChannelAccount? member)
    {
        foreach (var key in new[] { "email", "userPrincipalName" })
        {
            if (member?.Properties?.TryGetValue(key, out var value) == true && value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: > 0 } text && text.Contains('@', StringComparison.Ordinal))
            {
                return text;
            }
        }

        return null;
    }

    private static string? TenantFromChannelData(Activity activity) =>
        activity.ChannelData.Field("tenant").Field("id").Text();

    [LoggerMessage(1301, LogLevel.Warning, "A member's email could not be read from the member list (connector answered {StatusCode}); rota entries by email may not match them")]
    private partial void LogEmailNotLearned(int statusCode);
}
