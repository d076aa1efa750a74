using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Tests;

[TestFixture]
public sealed class BacklogSourceFactoryTests
{
    [Test]
    public void Create_KnownKindInAnyCase_UsesThatKindsProvider()
    {
        var provider = new RecordingProvider("sample");
        var factory = new BacklogSourceFactory([provider]);

        factory.Create(Connection("SAMPLE"));

        Assert.That(provider.Created, Is.EqualTo(1));
    }

    [Test]
    public void Create_UnknownKind_SaysWhichKindIsMissing()
    {
        var factory = new BacklogSourceFactory([new RecordingProvider("sample")]);

        Assert.That(() => factory.Create(Connection("trello")),
            Throws.TypeOf<UnsupportedSourceKindException>().With.Message.Contains("'trello'"));
    }

    private static Connection Connection(string kind) => new() { Id = Guid.NewGuid(), Name = "c", Kind = kind };

    private sealed class RecordingProvider(string kind) : IBacklogSourceProvider
    {
        public int Created { get; private set; }

        public string Kind => kind;

        public IBacklogSource Create(Connection connection)
        {
            Created++;
            return null!;
        }
    }
}
