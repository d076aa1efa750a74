using BacklogInsight.Domain.Model;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Sources.Sample;

/// <summary>Creates <see cref="SampleSource"/>s for connections of kind <see cref="SourceKinds.Sample"/>.</summary>
public sealed class SampleSourceProvider(IOptions<SampleSourceOptions> options, TimeProvider timeProvider)
    : IBacklogSourceProvider
{
    public string Kind => SourceKinds.Sample;

    /// <exception cref="FormatException">The connection's settings are not valid JSON of the expected shape.</exception>
    public IBacklogSource Create(Connection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new SampleSource(connection, SampleSettings.Parse(connection.SettingsJson), options.Value, timeProvider);
    }
}
