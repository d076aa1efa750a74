using BacklogInsight.Domain.Classification;
using BacklogInsight.Domain.Model;
using BacklogInsight.Sources;

namespace BacklogInsight.Workers.Classification;

/// <summary>Classifies every activity of a page as it is read, before it is stored.</summary>
public sealed class PageClassifier(ActivityClassifier classifier)
{
    public void Classify(string source, IReadOnlyList<WorkItemChange> changes, IReadOnlyDictionary<string, Person> people)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(people);
        foreach (var change in changes)
        {
            var contexts = ActivityContextFactory.ForItem(source, change.Item, change.Activities, id => id is not null ? people.GetValueOrDefault(id) : null);
            for (var i = 0; i < contexts.Count; i++)
            {
                change.Activities[i].Classification = classifier.Classify(contexts[i]);
            }
        }
    }
}
