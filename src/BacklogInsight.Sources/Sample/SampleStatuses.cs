using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Sample;

/// <summary>The workflow statuses of the sample organisation and their categories.</summary>
internal static class SampleStatuses
{
    public const string ToDo = "To Do";
    public const string InProgress = "In Progress";
    public const string CodeReview = "Code Review";
    public const string Qa = "QA";
    public const string ReadyForAcceptance = "Ready for Acceptance";
    public const string PoReview = "PO Review";
    public const string Done = "Done";

    public static StatusCategory Category(string status) => status switch
    {
        ToDo => StatusCategory.ToDo,
        Done => StatusCategory.Done,
        _ => StatusCategory.InProgress,
    };
}
