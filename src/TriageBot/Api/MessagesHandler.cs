using TriageBot.Connector.Authentication.Inbound;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;
using TriageBot.Invokes;
using TriageBot.Turns;

namespace TriageBot.Api;

/// <summary>
/// POST /api/messages, the Bot Framework adapter: read and check the activity, authenticate it, run the turn, answer.
/// Ordinary activities get 200 with an empty body after the turn; invokes get their InvokeResponse as status and body.
/// Refused requests (400, 401, 413, 415, and 503 above LoadShedding:MaxTurnsInFlight) run nothing and write nothing.
/// Log lines name the conversation and activity type, never what anyone typed.
/// </summary>
public sealed partial class MessagesHandler(
    LoadShedding.TurnAdmission admission,
    ActivityRequestReader reader,
    IInboundAuthenticator authenticator,
    TurnProcessor turns,
    InvokeRouter invokes,
    References.ConversationReferenceCapture references,
    Escalations.EscalationCardActions escalationActions,
    Escalations.EyesOnChecks eyesOn,
    Escalations.ReporterAnswers reporterAnswers,
    ChatCommands.ChatCommandRouter chatCommands,
    FollowUps.FollowUpCardActions followUpActions,
    Serilog.IDiagnosticContext requestLog,
    Telemetry.TriageBotMetrics metrics,
    TimeProvider time,
    ILogger<MessagesHandler> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        using var span = Telemetry.TriageBotTelemetry.Source.StartActivity("turn");
        string? activityType = null;
        var status = 500;
        try
        {
            var (result, type) = await HandleCoreAsync(context);
            activityType = type;
            status = StatusOf(result);
            return result;
        }
        finally
        {
            // Tagged with the activity type and the outcome only: never the conversation, the sender or the text.
            var outcome = OutcomeOf(status);
            span?.SetTag(Telemetry.TriageBotTelemetry.ActivityTypeTag, Telemetry.TriageBotTelemetry.ActivityTypeOf(activityType));
            span?.SetTag(Telemetry.TriageBotTelemetry.OutcomeTag, outcome);
            if (status >= 500)
            {
                span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
            }

            metrics.TurnHandled(activityType, outcome, time.GetElapsedTime(started));
        }
    }

    private async Task<(IResult Result, string? ActivityType)> HandleCoreAsync(HttpContext context)
    {
        using var slot = admission.TryEnter();
        if (slot is null)
        {
            // Refused before the body is read, so a burst costs almost nothing; the channel retries after Retry-After.
            LogShed(admission.InFlight);
            context.Response.Headers.RetryAfter = admission.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (new RequestProblem(503, "Too many turns in flight",
                $"The bot is handling as many turns as it may at once (LoadShedding:MaxTurnsInFlight); send it again in {admission.RetryAfterSeconds} s.").ToResult(), null);
        }

        var cancellationToken = context.RequestAborted;
        var (activity, problem) = await reader.ReadAsync(context.Request, cancellationToken);
        if (activity is null)
        {
            LogRefused(problem!.Status, problem.Field);
            return (problem.ToResult(), null);
        }

        // The request's log line (Serilog's request logging) names these too; never the text or card values.
        requestLog.Set("ConversationId", activity.Conversation?.Id);
        requestLog.Set("ActivityType", Telemetry.TriageBotTelemetry.ActivityTypeOf(activity.Type));
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ConversationId"] = activity.Conversation?.Id,
            ["ActivityType"] = Telemetry.TriageBotTelemetry.ActivityTypeOf(activity.Type),
            ["ChannelId"] = activity.ChannelId,
        });

        var authentication = await authenticator.AuthenticateAsync(
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null,
            activity.ChannelId,
            activity.ServiceUrl,
            cancellationToken);
        if (!authentication.IsAuthenticated)
        {
            LogUnauthorized();
            return (new RequestProblem(401, "Unauthorized", "The request's bearer token is missing or not valid for this bot.").ToResult(), activity.Type);
        }

        return (await DispatchAsync(activity, cancellationToken), activity.Type);
    }

    private async Task<IResult> DispatchAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            // Whoever writes to the bot can be written to later (escalation cards, reminders).
            await references.CaptureAsync(activity, cancellationToken);

            if (activity.Type == ActivityTypes.Invoke)
            {
                var response = await invokes.RouteAsync(activity, cancellationToken);
                return response.Body is null
                    ? Results.StatusCode(response.Status)
                    : Results.Json(response.Body, ActivityJson.Options, statusCode: response.Status);
            }

            // A press on an escalation or follow-up card from a client without Universal Actions (Action.Submit), an answer to a check,
            // a typed command about stored records, or the reporter's answer to a lead's question.
            if (activity.Type == ActivityTypes.Message
                && (await escalationActions.TryHandleSubmitAsync(activity, cancellationToken)
                    || await followUpActions.TryHandleSubmitAsync(activity, cancellationToken)
                    || await eyesOn.TryHandleAnswerAsync(activity, cancellationToken)
                    || await chatCommands.TryHandleAsync(activity, cancellationToken)
                    || await reporterAnswers.TryHandleAsync(activity, cancellationToken)))
            {
                return Results.Ok();
            }

            // Types the bot does not act on are acknowledged and ignored (spec A2006).
            if (ActivityTurnMapper.ToTurnInput(activity) is { } input)
            {
                var outcome = await turns.ProcessAsync(activity, input, cancellationToken);
                if (!outcome.Succeeded)
                {
                    // Nothing was saved: a 200 would tell the channel the message was kept. The member of staff has
                    // been asked in the chat to send it again.
                    return new RequestProblem(500, "Turn not saved",
                        $"The message was not saved (reference {outcome.CorrelationId}); send it again.", CorrelationId: outcome.CorrelationId).ToResult();
                }
            }

            return Results.Ok();
        }
        catch (Exception exception) when (exception is ConnectorException or HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The turn is saved (state before replies), but its replies could not be delivered, after the connector
            // retries, to a serviceUrl that refused them, could not be reached or timed out. Answering 5xx would make
            // the channel send the activity again and the turn run twice on the saved state, so the activity is
            // acknowledged: the member of staff sees no reply and types again, and the log says why.
            LogRepliesNotDelivered(exception is ConnectorException connector ? connector.Operation : "send", exception is ConnectorException { StatusCode: var status } ? status : 0);
            return Results.Ok();
        }
    }

    private static int StatusOf(IResult result) => result is IStatusCodeHttpResult { StatusCode: { } status } ? status : 200;

    /// <summary>What became of a request, as the turns metric counts it.</summary>
    private static string OutcomeOf(int status) => status switch
    {
        < 400 => "completed",
        401 => "unauthorized",
        500 => "not_saved",
        502 => "replies_not_delivered",
        503 => "shed",
        < 500 => "refused",
        _ => "failed",
    };

    [LoggerMessage(1102, LogLevel.Warning, "Request to /api/messages refused with {StatusCode} (field {Field})")]
    private partial void LogRefused(int statusCode, string? field);

    [LoggerMessage(1103, LogLevel.Warning, "Request to /api/messages refused with 401")]
    private partial void LogUnauthorized();

    [LoggerMessage(1104, LogLevel.Warning, "Turn saved but its replies could not be delivered: connector {Operation} answered {StatusCode} (0: not reached)")]
    private partial void LogRepliesNotDelivered(string operation, int statusCode);

    [LoggerMessage(1105, LogLevel.Warning, "Request to /api/messages refused with 503: {InFlight} turns in flight")]
    private partial void LogShed(int inFlight);
}
