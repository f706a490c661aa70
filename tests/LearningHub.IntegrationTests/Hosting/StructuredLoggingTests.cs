using System.Collections.Concurrent;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace LearningHub.IntegrationTests.Hosting;

/// <summary>Every entry a request logs carries its board and request id, through the logging scope.</summary>
public sealed class StructuredLoggingTests(StructuredLoggingTests.CapturingFactory factory) : IClassFixture<StructuredLoggingTests.CapturingFactory>
{
    [Fact]
    public async Task Entries_logged_while_serving_a_board_page_carry_the_board_and_the_request_id()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/essex/account/sign-in");
        var requestId = response.Headers.GetValues(RequestLogScopeMiddleware.RequestIdHeader).Single();

        var entries = factory.Logs.Entries.Where(e => Equals(e.Scope.GetValueOrDefault(RequestLogScope.RequestIdKey), requestId)).ToList();

        Assert.NotEmpty(entries);
        // Entries from page execution (after the board is resolved) name the board.
        Assert.Contains(entries, e => e.Category.StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal)
                                      && Equals(e.Scope[RequestLogScope.BoardKey], "essex"));
        Assert.DoesNotContain(factory.Logs.Entries, e => Equals(e.Scope.GetValueOrDefault(RequestLogScope.RequestIdKey), requestId)
                                                         && Equals(e.Scope.GetValueOrDefault(RequestLogScope.BoardKey), "norfolk"));
    }

    [Fact]
    public void Development_logs_are_readable_text_with_scopes()
    {
        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<SimpleConsoleFormatterOptions>>()
            .CurrentValue;
        Assert.Equal(ConsoleFormatterNames.Simple, StructuredLogging.FormatterName(factory.Services));
        Assert.True(options.IncludeScopes);
    }

    public sealed class CapturingFactory : LearningHubFactory
    {
        public CapturingLoggerProvider Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging =>
            {
                logging.AddProvider(Logs);
                logging.AddFilter<CapturingLoggerProvider>(null, LogLevel.Debug);
            });
        }
    }

    public sealed record CapturedEntry(string Category, string Message, IReadOnlyDictionary<string, object?> Scope);

    /// <summary>Keeps every entry with the values of the scopes open when it was written.</summary>
    public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<CapturedEntry> Entries { get; } = new();

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, object?>();
                provider._scopes.ForEachScope((value, values) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, item) in pairs)
                        {
                            values[key] = item;
                        }
                    }
                }, scope);
                provider.Entries.Enqueue(new CapturedEntry(category, formatter(state, exception), scope));
            }
        }
    }
}

/// <summary>Outside Development the console writes JSON with scopes, for a log collector.</summary>
public sealed class ProductionLoggingTests
{
    [Fact]
    public void Production_console_logs_are_json_with_scopes()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.AddLearningHubLogging();
        using var app = builder.Build();

        Assert.Equal(ConsoleFormatterNames.Json, StructuredLogging.FormatterName(app.Services));
        var json = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.True(json.IncludeScopes);
    }
}
