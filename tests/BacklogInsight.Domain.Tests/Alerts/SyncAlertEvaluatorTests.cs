using BacklogInsight.Domain.Alerts;

namespace BacklogInsight.Domain.Tests.Alerts;

public sealed class SyncAlertEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static SyncAlertEvaluator CreateSut() => new(TimeZoneInfo.Utc);

    private static SyncAlertInput Connection(TimeSpan sinceSuccess, params bool[] recent) => new()
    {
        ConnectionId = Guid.NewGuid(),
        ConnectionName = "acme-jira",
        CreatedAt = Now.AddDays(-30),
        LastSucceededAt = Now - sinceSuccess,
        Schedule = TimeSpan.FromMinutes(15),
        RecentRunsSucceeded = recent,
        LastError = "Jira answered 401: the token was rejected.",
    };

    [Test]
    public void Evaluate_SyncedWithinTwiceTheSchedule_Clear() =>
        Assert.That(CreateSut().Evaluate(Connection(TimeSpan.FromMinutes(25), true), new AlertThresholds(), Now).Outcome, Is.EqualTo(FindingOutcome.Clear));

    [Test]
    public void Evaluate_NoSuccessInTwiceTheSchedule_Stale()
    {
        var finding = CreateSut().Evaluate(Connection(TimeSpan.FromMinutes(31), true), new AlertThresholds(), Now);

        Assert.Multiple(() =>
        {
            Assert.That(finding.Outcome, Is.EqualTo(FindingOutcome.Raised));
            Assert.That(finding.Summary, Does.Contain("is stale"));
            Assert.That(finding.Since, Is.EqualTo(Now - TimeSpan.FromMinutes(1)));
        });
    }

    [Test]
    public void Evaluate_ThreeFailuresInARow_FailingWithTheLastError()
    {
        var finding = CreateSut().Evaluate(Connection(TimeSpan.FromMinutes(5), false, false, false, true), new AlertThresholds(), Now);

        Assert.Multiple(() =>
        {
            Assert.That(finding.Outcome, Is.EqualTo(FindingOutcome.Raised));
            Assert.That(finding.Summary, Does.Contain("last 3 runs failed"));
            Assert.That(finding.Evidence, Has.Some.Contains("token was rejected"));
        });
    }

    [Test]
    public void Evaluate_TwoFailuresThenSuccess_Clear() =>
        Assert.That(CreateSut().Evaluate(Connection(TimeSpan.FromMinutes(5), true, false, false), new AlertThresholds(), Now).Outcome, Is.EqualTo(FindingOutcome.Clear));
}
