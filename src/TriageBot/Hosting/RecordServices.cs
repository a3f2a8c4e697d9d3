using TriageBot.ChatCommands;
using TriageBot.FollowUps;
using TriageBot.Incidents;
using TriageBot.Retention;

namespace TriageBot.Hosting;

/// <summary>
/// The records behind follow-up: the incident register, follow-up tasks (made from the log by the rules, reminded,
/// raised when overdue, the morning digest, changed from their cards), the retention purge, and the typed commands that read and change stored records
/// (each an <see cref="IChatCommand"/>, tried in registration order before the conversation sees a message).
/// </summary>
public static class RecordServices
{
    public static IServiceCollection AddTriageBotRecords(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FollowUpOptions>().Bind(configuration.GetSection(FollowUpOptions.SectionName));
        services.AddSingleton<IncidentRegister>();
        services.AddSingleton<ChatCommandRouter>();
        services.AddSingleton<FollowUpProjector>();
        services.AddSingleton<FollowUpCards>();
        services.AddSingleton<FollowUpRecipients>();
        services.AddSingleton<FollowUpDelivery>();
        services.AddSingleton<FollowUpReminders>();
        services.AddSingleton<DailyDigest>();
        services.AddSingleton<FollowUpChanges>();
        services.AddSingleton<FollowUpCardActions>();
        services.AddSingleton<FollowUpTimer>();
        services.AddHostedService(provider => provider.GetRequiredService<FollowUpTimer>());
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName));
        services.AddSingleton<PersonalDataPurge>();
        services.AddHostedService<RetentionTimer>();
        services.AddSingleton<IChatCommand, MyFollowUpsCommand>();
        services.AddSingleton<IChatCommand, CloseFollowUpCommand>();
        return services;
    }
}
