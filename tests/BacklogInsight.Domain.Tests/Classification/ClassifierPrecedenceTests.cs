using BacklogInsight.Domain.Classification;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Tests.Classification;

/// <summary>Conflicting signals resolve in the order of taxonomy §3, and the worked examples of §6 hold.</summary>
public sealed class ClassifierPrecedenceTests
{
    private static ActivityClassifier CreateSut() => new();

    private static IEnumerable<TestCaseData> WorkedExamples()
    {
        yield return Example(1, ActivityClass.Strategic, new ActivityContextBuilder().WithItem("Epic", 1).WithChange("Rank", "", "Ranked higher").By("other"));
        yield return Example(2, ActivityClass.Tactical, new ActivityContextBuilder().WithItem("Story", 0).WithChange("Rank", "", "Ranked higher").By("other"));
        yield return Example(3, ActivityClass.Delivery, new ActivityContextBuilder().WithItem("Story", 0, "In Progress").WithChange("Rank", "", "Ranked higher").By("assignee"));
        yield return Example(4, ActivityClass.Other, new ActivityContextBuilder().WithItem("Story", 0).WithChange("Rank", "", "Ranked higher").By("bot", "Automation for Jira"));
        yield return Example(5, ActivityClass.Tactical, new ActivityContextBuilder().WithItem("Story", 0, "Done").WithChange("status", "Ready for Acceptance", "Done", "AC 1–4 verified on staging").By("other"));
        yield return Example(6, ActivityClass.Tactical, new ActivityContextBuilder().WithItem("Story", 0, "To Do").WithChange("status", "In Review", "To Do", "fails AC2 on Safari").By("other"));
        yield return Example(7, ActivityClass.Delivery, new ActivityContextBuilder().WithItem("Story", 0, "Code Review").WithChange("status", "In Progress", "Code Review").By("assignee"));
        yield return Example(8, ActivityClass.Tactical, new ActivityContextBuilder().WithItem("Epic", 1).WithChange("Acceptance Criteria", "", "- works offline").By("reporter"));
        yield return Example(9, ActivityClass.Strategic, new ActivityContextBuilder().WithItem("Task", 0).WithSummary("Spike: market sizing for SMB segment").Created().By("reporter"));
        yield return Example(10, ActivityClass.Delivery, new ActivityContextBuilder().WithItem("Bug", 0, "In Progress").WithComment("Customer Acme's export fails: NPE in CsvMapper, fix in PR 812").By("assignee"));
        yield return Example(11, ActivityClass.Strategic, new ActivityContextBuilder().WithItem("Feature", 1).WithChange("Microsoft.VSTS.Common.ValueArea", "Architectural", "Business").By("other"));
        yield return Example(12, ActivityClass.Tactical, new ActivityContextBuilder().WithItem("Product Backlog Item", 0, "New").WithChange("System.IterationPath", "Payments\\Backlog", "Payments\\Sprint 31").By("other"));
        yield return Example(13, ActivityClass.Delivery, new ActivityContextBuilder().WithItem("Task", -1, "Active").WithChange("Microsoft.VSTS.Scheduling.RemainingWork", "6", "2").By("assignee"));
        yield return Example(14, ActivityClass.Strategic, new ActivityContextBuilder().WithItem("Task", 0, "In Progress").WithSummary("Interviews with churned merchants").WithWorklog(null).By("assignee"));
        yield return Example(15, ActivityClass.Strategic, new ActivityContextBuilder().WithItem("Idea", 0, "Discovery").WithChange("Roadmap", "Next", "Now").By("reporter"));
    }

    private static TestCaseData Example(int number, ActivityClass expected, ActivityContextBuilder builder) =>
        new TestCaseData(builder.Build(), expected).SetName($"Classify_WorkedExample{number:00}_Is{expected}");

    [TestCaseSource(nameof(WorkedExamples))]
    public void Classify_WorkedExample_MatchesTaxonomy(ActivityContext context, ActivityClass expected)
    {
        var result = CreateSut().Classify(context);

        Assert.That(result.Class, Is.EqualTo(expected), string.Join(" | ", result.Reasons));
    }

    [Test]
    public void Classify_BotWritingMarketResearchOnEpic_BotBeatsEverything()
    {
        var context = new ActivityContextBuilder().WithItem("Epic", 2).WithComment("Competitor pricing survey: KPI targets attached").By("bot").Build();

        var result = CreateSut().Classify(context);

        Assert.That(result.RuleId, Is.EqualTo("P1.bot"));
    }

    [Test]
    public void Classify_PricingResearchCommentOnSubTask_SubstanceBeatsLevel()
    {
        var context = new ActivityContextBuilder().WithItem("Sub-task", -1).WithComment("Competitor teardown done: both price per seat, our flat plan loses SMB.").By("assignee").Build();

        var result = CreateSut().Classify(context);

        Assert.That(result.Class, Is.EqualTo(ActivityClass.Strategic));
    }

    [Test]
    public void Classify_AcceptanceCriteriaOnInitiative_TacticalDespiteLevel()
    {
        var context = new ActivityContextBuilder().WithItem("Initiative", 2).WithChange("Acceptance Criteria", "", "Live in 3 countries").By("reporter").Build();

        var result = CreateSut().Classify(context);

        Assert.That(result.Class, Is.EqualTo(ActivityClass.Tactical));
    }

    [Test]
    public void Classify_AcceptanceStateToDoneByNonAssignee_AcceptBeatsExecution()
    {
        var context = new ActivityContextBuilder().WithItem("Story", 0, "Done").WithChange("status", "UAT", "Done").By("other").Build();

        var result = CreateSut().Classify(context);

        Assert.That(result.RuleId, Is.EqualTo("P5.accept"));
    }

    [Test]
    public void Classify_AcceptanceStateToDoneByAssignee_OwnMoveIsDelivery()
    {
        var context = new ActivityContextBuilder().WithItem("Story", 0, "Done").WithChange("status", "UAT", "Done").By("assignee").Build();

        var result = CreateSut().Classify(context);

        Assert.That(result.Class, Is.EqualTo(ActivityClass.Delivery));
    }

    [Test]
    public void Classify_CompetitorUsedToJustifyStory_NotStrategic()
    {
        var context = new ActivityContextBuilder().WithItem("Story", 0).WithComment("Competitor X already has it, so let's pull it into the next sprint backlog.").By("other").Build();

        var result = CreateSut().Classify(context);

        Assert.That(result.Class, Is.EqualTo(ActivityClass.Tactical));
    }

    [Test]
    public void Classify_RoadmapOnlyToDefer_NotStrategic()
    {
        var context = new ActivityContextBuilder().WithItem("Story", 0).WithComment("Not this sprint, it's on the roadmap anyway; parking in backlog.").By("other").Build();

        var result = CreateSut().Classify(context);

        Assert.That(result.Class, Is.EqualTo(ActivityClass.Tactical));
    }

    [Test]
    public void Classify_AssigneeQuestionAboutCriteria_DeliveryNotTactical()
    {
        var context = new ActivityContextBuilder().WithItem("Story", 0, "In Progress").WithComment("AC #2 unclear - do half days count? Implementing full days until PO confirms.").By("assignee").Build();

        var result = CreateSut().Classify(context);

        Assert.That(result.Class, Is.EqualTo(ActivityClass.Delivery));
    }

    [Test]
    public void Classify_EpicRestructureWithOutcome_StaysStrategic()
    {
        var context = new ActivityContextBuilder().WithItem("Epic", 1).WithChange("status", "In Progress", "Done", "Outcome: no-shows -11%. Closing epic, all stories done.").By("reporter").Build();

        var result = CreateSut().Classify(context);

        Assert.That(result.Class, Is.EqualTo(ActivityClass.Strategic));
    }

    [Test]
    public void Classify_OverriddenSignals_LowerConfidence()
    {
        var agreeing = new ActivityContextBuilder().WithItem("Story", 0).WithComment("Refined in refinement, AC added, ready for the sprint.").By("other").Build();
        var overriding = new ActivityContextBuilder().WithItem("Sub-task", -1).WithComment("Refined in refinement, AC added, ready for the sprint.").By("assignee").Build();

        var sut = CreateSut();

        Assert.That(sut.Classify(overriding).Confidence, Is.LessThan(sut.Classify(agreeing).Confidence));
    }
}
