namespace BacklogInsight.Domain.Model;

/// <summary>The names of the supported source kinds, as written in configuration and the API.</summary>
public static class SourceKinds
{
    public const string Sample = "sample";
    public const string Jira = "jira";
    public const string AzureDevOps = "azure-devops";
}
