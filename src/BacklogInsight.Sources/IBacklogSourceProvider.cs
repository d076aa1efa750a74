using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources;

/// <summary>Creates sources of one kind; every registered provider is offered to the factory.</summary>
public interface IBacklogSourceProvider
{
    string Kind { get; }

    IBacklogSource Create(Connection connection);
}
