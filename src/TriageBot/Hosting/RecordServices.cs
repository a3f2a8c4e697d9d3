using TriageBot.ChatCommands;
using TriageBot.Incidents;

namespace TriageBot.Hosting;

/// <summary>
/// The records behind follow-up: the incident register, and the typed commands that read and change stored records
/// (each an <see cref="IChatCommand"/>, tried in registration order before the conversation sees a message).
/// </summary>
public static class RecordServices
{
    public static IServiceCollection AddTriageBotRecords(this IServiceCollection services)
    {
        services.AddSingleton<IncidentRegister>();
        services.AddSingleton<ChatCommandRouter>();
        return services;
    }
}
