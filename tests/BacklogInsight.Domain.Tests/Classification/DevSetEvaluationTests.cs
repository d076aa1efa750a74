using BacklogInsight.Domain.Classification;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Tests.Classification;

/// <summary>Regression guard: the classifier keeps its quality on the labelled development set.</summary>
public sealed class DevSetEvaluationTests
{
    private static readonly string DevSetPath = Path.Combine(TestContext.CurrentContext.TestDirectory, "Classification", "Data", "activity-dev.jsonl");

    [Test]
    public void Evaluate_DevSet_MeetsQualityThresholds()
    {
        var records = File.ReadLines(DevSetPath).Select(ActivityRecordParser.Parse).ToList();
        Assert.That(records.Where(r => !r.IsSuccess).Select(r => r.Error), Is.Empty);

        var report = ClassifierEvaluation.Evaluate(new ActivityClassifier(), records.Select(r => r.Record!), worstErrors: 30);
        TestContext.Out.WriteLine(ClassifierEvaluation.Format(report));

        Assert.Multiple(() =>
        {
            Assert.That(report.Total, Is.EqualTo(200));
            Assert.That(report.MacroF1, Is.GreaterThanOrEqualTo(0.90));
            foreach (var metrics in report.PerClass)
            {
                Assert.That(metrics.F1, Is.GreaterThanOrEqualTo(0.85), $"F1 of {metrics.Class}");
            }
        });
    }

    /// <summary>
    /// Records written apart from the dev set, in other domains (logistics, insurance, education, pharmacy), with the
    /// words that fooled earlier cue lists: CSS margins, "exec into the pod", a colleague called Sam.
    /// </summary>
    [Test]
    public void Evaluate_ProbeFromOtherDomains_GetsEveryRecordRight()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Classification", "Data", "probe-other-domains.jsonl");
        var records = File.ReadLines(path).Select(ActivityRecordParser.Parse).Select(r => r.Record!).ToList();

        var report = ClassifierEvaluation.Evaluate(new ActivityClassifier(), records);

        Assert.That(report.WorstErrors, Is.Empty, ClassifierEvaluation.Format(report));
    }

    [Test]
    public void Classify_DevSet_EveryResultCarriesRuleReasonsAndVersion()
    {
        var classifier = new ActivityClassifier();
        foreach (var record in File.ReadLines(DevSetPath).Select(ActivityRecordParser.Parse).Select(r => r.Record!))
        {
            var result = classifier.Classify(record.Context);
            Assert.Multiple(() =>
            {
                Assert.That(result.RuleId, Is.Not.Empty, record.Id);
                Assert.That(result.Reasons, Is.Not.Empty, record.Id);
                Assert.That(result.Confidence, Is.InRange(0.3, 0.95), record.Id);
                Assert.That(result.TaxonomyVersion, Is.EqualTo(classifier.TaxonomyVersion));
                Assert.That(result.Class, Is.AnyOf(ActivityClass.Strategic, ActivityClass.Tactical, ActivityClass.Delivery, ActivityClass.Other));
            });
        }
    }
}
