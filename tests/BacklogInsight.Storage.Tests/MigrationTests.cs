using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Storage.Tests;

[TestFixture]
public sealed class MigrationTests
{
    [Test]
    public async Task Model_ComparedWithMigrations_HasNoPendingChanges()
    {
        await using var storage = await StorageFixture.CreateAsync();
        await using var db = storage.CreateContext();

        Assert.That(db.Database.HasPendingModelChanges(), Is.False, "run dotnet ef migrations add for the model change");
    }
}
