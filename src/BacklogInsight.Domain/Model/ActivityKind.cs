namespace BacklogInsight.Domain.Model;

/// <summary>What a person did to a work item.</summary>
public enum ActivityKind
{
    /// <summary>The item was created.</summary>
    Created = 1,

    /// <summary>A field other than the status changed.</summary>
    FieldChanged = 2,

    /// <summary>The status changed (a workflow transition).</summary>
    Transitioned = 3,

    /// <summary>A comment was added.</summary>
    Commented = 4,

    /// <summary>A link to another item or an external artefact was added or removed.</summary>
    Linked = 5,

    /// <summary>Time was logged against the item.</summary>
    WorkLogged = 6,
}
