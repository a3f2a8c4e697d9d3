namespace TriageBot.Faults;

/// <summary>
/// The last line of defence: an exception nothing else handled becomes a 500 problem carrying a correlation id, and
/// ONE log line at Error with that id, the exception's type and where it came from (<see cref="ExceptionSite"/>).
/// Neither the message (it can quote what was typed) nor the stack goes to the log at Error; the stack, still without
/// the message, is written at Debug for whoever turns that on to chase a fault. A request the caller abandoned is not
/// a fault: it is answered 499 (client closed request) and not logged as an error.
/// </summary>
public sealed partial class UnexpectedFaultMiddleware(RequestDelegate next, ILogger<UnexpectedFaultMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = 499;
            }
        }
        catch (Exception exception)
        {
            var correlationId = CorrelationIds.New();
            LogUnexpected(exception.GetType().FullName, ExceptionSite.Of(exception), correlationId, context.Request.Path);
            LogStack(correlationId, exception.StackTrace);
            if (context.Response.HasStarted)
            {
                return;
            }

            context.Response.Clear();
            await Results.Problem(
                statusCode: StatusCodes.Status500InternalServerError,
                title: "Unexpected fault",
                detail: $"Something went wrong on our side (reference {correlationId}).",
                extensions: new Dictionary<string, object?> { ["correlationId"] = correlationId }).ExecuteAsync(context);
        }
    }

    [LoggerMessage(1601, LogLevel.Error, "Unexpected {ExceptionType} at {Site} answering {Path}; correlation id {CorrelationId}")]
    private partial void LogUnexpected(string? exceptionType, string site, string correlationId, PathString path);

    [LoggerMessage(1602, LogLevel.Debug, "Stack of fault {CorrelationId}: {StackTrace}")]
    private partial void LogStack(string correlationId, string? stackTrace);
}
