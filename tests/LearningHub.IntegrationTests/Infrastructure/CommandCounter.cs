using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LearningHub.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF Core runs against one database (by its file, so test classes running in
/// parallel do not count each other's) while it is alive: how many queries a page takes.
/// </summary>
public sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _dataPath;
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private readonly List<string> _commands = [];

    public CommandCounter(string dataPath)
    {
        _dataPath = dataPath;
        _subscription = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The text of each command run so far (to show what a page runs when a count is off).</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
            {
                return _commands.ToList();
            }
        }
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_listeners)
            {
                _listeners.Add(listener.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
            && IsOurs(data.Command))
        {
            lock (_commands)
            {
                _commands.Add(data.Command.CommandText);
            }
        }
    }

    private bool IsOurs(DbCommand command) =>
        command.Connection?.DataSource is { } source && source.StartsWith(_dataPath, StringComparison.Ordinal);

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }
}
