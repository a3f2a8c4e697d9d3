namespace TriageBot.Bench.Driver;

/// <summary>A person of the duty rota with their 1:1 chat with the bot, where escalation cards reach them (issue 4).</summary>
internal sealed record LeadChat(Member Member, string ConversationId);
