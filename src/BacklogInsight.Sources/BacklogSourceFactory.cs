using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources;

/// <summary>Picks the registered provider whose kind matches the connection's.</summary>
public sealed class BacklogSourceFactory(IEnumerable<IBacklogSourceProvider> providers) : IBacklogSourceFactory
{
    private readonly Dictionary<string, IBacklogSourceProvider> _providers =
        providers.ToDictionary(p => p.Kind, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Kinds => _providers.Keys;

    public IBacklogSource Create(Connection connection) =>
        _providers.TryGetValue(connection.Kind, out var provider)
            ? provider.Create(connection)
            : throw new UnsupportedSourceKindException(connection.Kind);
}
