using BacklogInsight.Domain.Balance;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BacklogInsight.Storage.Aggregates;

/// <summary>Stores an <see cref="IsoWeek"/> as <see cref="WeekKey"/>: comparable and groupable in SQL.</summary>
internal sealed class IsoWeekConverter() : ValueConverter<IsoWeek, int>(week => WeekKey.Of(week), key => WeekKey.ToWeek(key));
