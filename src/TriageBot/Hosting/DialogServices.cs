namespace TriageBot.Hosting;

/// <summary>The conversation: the dialogs behind IConversationBot.</summary>
public static class DialogServices
{
    public static IServiceCollection AddTriageBotDialogs(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
