using BacklogInsight.Sources.AzureDevOps;
using BacklogInsight.Sources.Jira;
using BacklogInsight.Workers.Pipeline;
using Microsoft.Data.Sqlite;

namespace BacklogInsight.Api.Tests.Sync;

/// <summary>What a failed run says: the sources' own plain words, and a locked database named as such.</summary>
[TestFixture]
public sealed class SyncErrorDescriberTests
{
    [Test]
    public void Describe_JiraSourceException_IsTheSourcesOwnMessage()
    {
        var exception = new JiraSourceException("Jira answered GET /rest/api/3/field with malformed or unexpected JSON.");

        Assert.That(SyncErrorDescriber.Describe(exception, CancellationToken.None), Is.EqualTo(exception.Message));
    }

    [Test]
    public void Describe_AzureDevOpsSourceException_IsTheSourcesOwnMessage()
    {
        var exception = new AzureDevOpsSourceException("Azure DevOps kept failing POST /_apis/wit/wiql with 503 Service Unavailable after every retry.");

        Assert.That(SyncErrorDescriber.Describe(exception, CancellationToken.None), Is.EqualTo(exception.Message));
    }

    [Test]
    public void Describe_DatabaseLockedInsideAnUpdateException_SaysTheDatabaseWasLocked()
    {
        var locked = new SqliteException("SQLite Error 5: 'database is locked'.", 5);
        var exception = new Microsoft.EntityFrameworkCore.DbUpdateException("An error occurred while saving the entity changes.", locked);

        Assert.That(SyncErrorDescriber.Describe(exception, CancellationToken.None), Does.StartWith("The database stayed locked by another process"));
    }
}
