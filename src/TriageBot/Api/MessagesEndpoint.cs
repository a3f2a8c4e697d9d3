namespace TriageBot.Api;

/// <summary>Maps POST /api/messages, the address registered for the bot in Azure and used by the Emulator and the Agents Playground.</summary>
public static class MessagesEndpoint
{
    public const string Route = "/api/messages";

    public static IEndpointRouteBuilder MapMessagesEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, (HttpContext context, MessagesHandler handler) => handler.HandleAsync(context));
        return endpoints;
    }
}
