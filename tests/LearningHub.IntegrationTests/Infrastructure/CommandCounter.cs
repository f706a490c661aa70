using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LearningHub.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF Core runs against one database (by its file or its PostgreSQL database name, so
/// test classes running in parallel do not count each other's) while it is alive: how many queries a page takes,
/// and what they were, with their parameters, to ask PostgreSQL for their plans.
/// </summary>
public sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly Func<DbCommand, bool> _isOurs;
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private readonly List<RecordedCommand> _commands = [];

    /// <summary>Commands on the SQLite database in <paramref name="dataPath"/>.</summary>
    public CommandCounter(string dataPath)
        : this(command => command.Connection?.DataSource is { } source && source.StartsWith(dataPath, StringComparison.Ordinal))
    {
    }

    private CommandCounter(Func<DbCommand, bool> isOurs)
    {
        _isOurs = isOurs;
        _subscription = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>Commands on the PostgreSQL database named <paramref name="database"/>.</summary>
    public static CommandCounter ForPostgres(string database) => new(command => command.Connection?.Database == database);

    /// <summary>The text of each command run so far (to show what a page runs when a count is off).</summary>
    public IReadOnlyList<string> Commands => Recorded.Select(c => c.Text).ToList();

    /// <summary>Each command run so far with copies of its parameters, to run it again (under EXPLAIN).</summary>
    public IReadOnlyList<RecordedCommand> Recorded
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
            && _isOurs(data.Command))
        {
            var parameters = data.Command.Parameters.Cast<DbParameter>()
                .Select(p => p is ICloneable cloneable ? (DbParameter)cloneable.Clone() : p).ToList();
            lock (_commands)
            {
                _commands.Add(new RecordedCommand(data.Command.CommandText, parameters));
            }
        }
    }

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

/// <summary>A command as EF Core sent it: its SQL and (copies of) its parameters.</summary>
public sealed record RecordedCommand(string Text, IReadOnlyList<DbParameter> Parameters);
