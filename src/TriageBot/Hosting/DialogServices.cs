using Microsoft.Extensions.Options;
using TriageBot.Dialogs;
using TriageBot.Dialogs.Turns;
using TriageBot.Dialogs.Welcome;

namespace TriageBot.Hosting;

/// <summary>The conversation: the dialogs behind IConversationBot, with texts from the school's settings.</summary>
public static class DialogServices
{
    public static IServiceCollection AddTriageBotDialogs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchoolOptions>().Bind(configuration.GetSection(SchoolOptions.SectionName));
        services.AddSingleton(provider => new WelcomeTexts(provider.GetRequiredService<IOptions<SchoolOptions>>().Value.EmergencyNumber));
        services.AddSingleton<IConversationBot, TriageConversationBot>();
        return services;
    }
}
