using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources;

/// <summary>Creates the source for a connection, chosen by <see cref="Connection.Kind"/>.</summary>
public interface IBacklogSourceFactory
{
    /// <summary>The source kinds this installation can sync.</summary>
    IReadOnlyCollection<string> Kinds { get; }

    /// <exception cref="UnsupportedSourceKindException">No source of that kind is registered.</exception>
    IBacklogSource Create(Connection connection);
}
