using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BacklogInsight.Storage.Sqlite;

/// <summary>An instant as its UTC ticks; read back with a zero offset, since everything inside is UTC.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
