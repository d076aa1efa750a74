using BacklogInsight.Domain.Classification;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Tests.Classification;

/// <summary>Builds <see cref="ActivityContext"/>s with sane defaults: a human non-assignee commenting on a To Do story.</summary>
internal sealed class ActivityContextBuilder
{
    private ActivityContext _context = new()
    {
        Source = SourceKinds.Jira,
        ItemType = "Story",
        HierarchyLevel = 0,
        Summary = "Show order history",
        Status = "To Do",
        Kind = ActivityKind.Commented,
    };

    public ActivityContextBuilder WithItem(string type, int level, string? status = null)
    {
        _context = _context with { ItemType = type, HierarchyLevel = level, Status = status ?? _context.Status };
        return this;
    }

    public ActivityContextBuilder WithSummary(string summary, string? description = null)
    {
        _context = _context with { Summary = summary, Description = description };
        return this;
    }

    public ActivityContextBuilder WithStatus(string status)
    {
        _context = _context with { Status = status };
        return this;
    }

    public ActivityContextBuilder WithKind(ActivityKind kind)
    {
        _context = _context with { Kind = kind };
        return this;
    }

    public ActivityContextBuilder WithChange(string field, string? from, string? to, string? text = null)
    {
        _context = _context with
        {
            Kind = FieldCatalogue.FromSourceName(field) == CanonicalField.Status ? ActivityKind.Transitioned : ActivityKind.FieldChanged,
            SourceField = field,
            Field = FieldCatalogue.FromSourceName(field),
            From = from,
            To = to,
            Text = text,
        };
        return this;
    }

    public ActivityContextBuilder WithLink(string field, string to)
    {
        _context = _context with { Kind = ActivityKind.Linked, SourceField = field, Field = FieldCatalogue.FromSourceName(field), To = to };
        return this;
    }

    public ActivityContextBuilder WithComment(string text)
    {
        _context = _context with { Kind = ActivityKind.Commented, Text = text };
        return this;
    }

    public ActivityContextBuilder WithWorklog(string? text)
    {
        _context = _context with { Kind = ActivityKind.WorkLogged, SourceField = "timespent", Field = CanonicalField.TimeSpent, From = "0", To = "3600", Text = text };
        return this;
    }

    public ActivityContextBuilder Created()
    {
        _context = _context with { Kind = ActivityKind.Created };
        return this;
    }

    /// <summary><c>assignee</c>, <c>reporter</c>, <c>other</c> or <c>bot</c>.</summary>
    public ActivityContextBuilder By(string actor, string? name = null)
    {
        _context = _context with
        {
            IsAssignee = actor == "assignee",
            IsReporter = actor == "reporter",
            IsBot = actor == "bot",
            ActorName = name,
        };
        return this;
    }

    public ActivityContext Build() => _context;
}
