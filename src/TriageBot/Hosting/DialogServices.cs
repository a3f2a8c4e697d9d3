using TriageBot.Dialogs;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Turns;
using TriageBot.Dialogs.Welcome;

namespace TriageBot.Hosting;

/// <summary>
/// The conversation: the school's checked crisis content (loaded now, so invalid content stops the start before the
/// bot listens), and the dialogs behind IConversationBot with the region's emergency number.
/// </summary>
public static class DialogServices
{
    public static IServiceCollection AddTriageBotDialogs(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var catalog = ProtocolContent.Load(configuration, environment);
        services.AddSingleton(catalog);
        services.AddSingleton(new WelcomeTexts(catalog.Region.EmergencyNumber));
        services.AddSingleton<IConversationBot>(provider => new TriageConversationBot(
            provider.GetRequiredService<WelcomeTexts>(),
            provider.GetRequiredService<ProtocolCatalog>(),
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
