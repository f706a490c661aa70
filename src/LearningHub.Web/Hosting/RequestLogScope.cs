using System.Collections;
using LearningHub.Core.Boards;
using Microsoft.Extensions.Logging.Console;

namespace LearningHub.Web.Hosting;

/// <summary>
/// Opens a logging scope around the whole request so every entry it logs carries <c>Board</c> and
/// <c>RequestId</c>. It runs first, before the board is known: the scope reads the board when an entry
/// is written, so entries after board resolution name it and those before say "-". The request id is
/// also sent back as <c>X-Request-Id</c> (and stored on audit entries), so a user's report, the log and
/// the audit log can be joined.
/// </summary>
public sealed class RequestLogScopeMiddleware(RequestDelegate next, ILogger<RequestLogScopeMiddleware> logger)
{
    public const string RequestIdHeader = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers[RequestIdHeader] = context.TraceIdentifier;
        using (logger.BeginScope(new RequestLogScope(context)))
        {
            await next(context);
        }
    }
}

/// <summary>The scope's values, read lazily (see <see cref="RequestLogScopeMiddleware"/>).</summary>
public sealed class RequestLogScope(HttpContext context) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string BoardKey = "Board";
    public const string RequestIdKey = "RequestId";

    private string Board => context.RequestServices?.GetService<BoardContext>()?.Current?.Slug ?? "-";

    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(BoardKey, Board),
        1 => new(RequestIdKey, context.TraceIdentifier),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>How the scope reads in the plain-text console: <c>norfolk 0HN…:00000001</c>.</summary>
    public override string ToString() => $"Board:{Board} RequestId:{context.TraceIdentifier}";
}

public static class StructuredLogging
{
    /// <summary>
    /// Console logs with scopes: one JSON object a line outside Development (for a log collector), the
    /// readable text format in Development. <c>Logging:Console:FormatterName</c> still wins when set.
    /// </summary>
    public static void AddLearningHubLogging(this WebApplicationBuilder builder)
    {
        if (!string.IsNullOrEmpty(builder.Configuration["Logging:Console:FormatterName"]))
        {
            return;
        }

        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(options => options.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
    }

    /// <summary>The formatter the console uses, for tests and the startup check.</summary>
    public static string FormatterName(IServiceProvider services) =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName ?? ConsoleFormatterNames.Simple;
}
