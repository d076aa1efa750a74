namespace BacklogInsight.FaultSuite.Trackers;

public enum TrackerKind
{
    Jira,
    AzureDevOps,
}
