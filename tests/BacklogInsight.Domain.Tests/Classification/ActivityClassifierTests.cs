using BacklogInsight.Domain.Classification;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Tests.Classification;

/// <summary>One case per rule of taxonomy.v1.json: each fails if its rule is removed or reordered away.</summary>
public sealed class ActivityClassifierTests
{
    private static ActivityClassifier CreateSut(params string[] serviceAccounts) => new(serviceAccounts: serviceAccounts);

    private static ActivityContextBuilder Story() => new ActivityContextBuilder().WithItem("Story", 0);

    private static ActivityContextBuilder Epic() => new ActivityContextBuilder().WithItem("Epic", 1);

    private static ActivityContextBuilder SubTask() => new ActivityContextBuilder().WithItem("Sub-task", -1);

    private static IEnumerable<TestCaseData> RuleCases()
    {
        // P1
        yield return Case("P1.bot", ActivityClass.Other, Story().WithChange("Rank", "", "Ranked higher").By("bot"));
        yield return Case("P1.automation-text", ActivityClass.Other, Story().WithComment("This issue was automatically transitioned when the PR merged.").By("other"));
        yield return Case("P1.housekeeping", ActivityClass.Other, Story().WithChange("Workflow", "v1", "v2").By("other"));
        yield return Case("P1.test-item", ActivityClass.Other, Story().WithSummary("Test ticket, please ignore").Created().By("reporter"));
        yield return Case("P1.content-free", ActivityClass.Other, Story().WithComment("+1").By("other"));
        yield return Case("P1.duplicate-link", ActivityClass.Other, Story().WithLink("Link", "This issue duplicates SHOP-12").By("other"));

        // P2
        yield return Case("P2.substance", ActivityClass.Strategic, SubTask().WithComment("Ran 5 customer interviews; pricing feedback is clear: per-seat beats flat.").By("assignee"));

        // P3
        yield return Case("P3.acceptance-criteria", ActivityClass.Tactical, Story().WithChange("Acceptance Criteria", "", "Given a cart, when…").By("other"));
        yield return Case("P3.sprint.own", ActivityClass.Delivery, Story().WithChange("Sprint", "", "Sprint 7").By("assignee"));
        yield return Case("P3.sprint.task", ActivityClass.Delivery, SubTask().WithChange("Sprint", "", "Sprint 7").By("other"));
        yield return Case("P3.sprint", ActivityClass.Tactical, Story().WithChange("System.IterationPath", "Shop\\Backlog", "Shop\\Sprint 31").By("other"));
        yield return Case("P3.split", ActivityClass.Tactical, Story().WithComment("Splitting this one: export goes to a new story.").By("assignee"));

        // P4
        yield return Case("P4.restructure", ActivityClass.Tactical, Epic().WithChange("status", "In Progress", "Done", "All stories done, closing epic.").By("reporter"));
        yield return Case("P4.created.technical", ActivityClass.Tactical, Epic().WithSummary("Upgrade the ORM framework").Created().By("reporter"));
        yield return Case("P4.created.portfolio", ActivityClass.Strategic, Epic().WithSummary("Self-serve returns").Created().By("reporter"));
        yield return Case("P4.created.team", ActivityClass.Tactical, Story().WithSummary("Filter orders by date").Created().By("reporter"));
        yield return Case("P4.created.task", ActivityClass.Delivery, SubTask().WithSummary("Write the migration").Created().By("assignee"));
        yield return Case("P4.transition.portfolio", ActivityClass.Strategic, Epic().WithChange("status", "Discovery", "Ready for Delivery").By("reporter"));
        yield return Case("P4.rank.portfolio", ActivityClass.Strategic, Epic().WithChange("Rank", "", "Ranked higher").By("other"));
        yield return Case("P4.rank.team", ActivityClass.Tactical, Story().WithChange("Rank", "", "Ranked higher").By("other"));
        yield return Case("P4.governance.portfolio", ActivityClass.Strategic, Epic().WithChange("Fix Version", "", "2026 Spring").By("reporter"));
        yield return Case("P4.link.portfolio", ActivityClass.Strategic, Epic().WithLink("Link", "This epic implements IDEA-4").By("reporter"));
        yield return Case("P4.labels.refinement", ActivityClass.Tactical, Story().WithChange("labels", "", "needs-refinement").By("assignee"));
        yield return Case("P4.governance.team", ActivityClass.Tactical, Story().WithChange("priority", "Medium", "High").By("other"));
        yield return Case("P4.link.team", ActivityClass.Tactical, Story().WithLink("Link", "This issue is blocked by SHOP-330").By("reporter"));
        yield return Case("P4.governance.task", ActivityClass.Delivery, SubTask().WithChange("priority", "Low", "High").By("other"));

        // P5
        yield return Case("P5.impediment", ActivityClass.Delivery, Story().WithChange("Flagged", "", "Impediment").By("assignee"));
        yield return Case("P5.accept", ActivityClass.Tactical, Story().WithChange("status", "PO Review", "Done").By("other"));
        yield return Case("P5.accept.review", ActivityClass.Tactical, Story().WithChange("status", "In Review", "Done", "Accepted after the demo").By("other"));
        yield return Case("P5.accept.review-silent", ActivityClass.Tactical, Story().WithChange("status", "In Review", "Done").By("other"));
        yield return Case("P5.reject", ActivityClass.Tactical, Story().WithChange("status", "Ready for Acceptance", "In Progress").By("other"));
        yield return Case("P5.reject.criteria", ActivityClass.Tactical, Story().WithChange("status", "QA", "To Do", "Fails AC2").By("other"));
        yield return Case("P5.peer-review", ActivityClass.Delivery, Story().WithChange("status", "Code Review", "Done").By("other"));
        yield return Case("P5.peer-review.enter", ActivityClass.Delivery, Story().WithChange("status", "In Progress", "In Testing").By("other"));
        yield return Case("P5.ready", ActivityClass.Tactical, Story().WithChange("System.State", "New", "Approved").By("other"));
        yield return Case("P5.transition.own", ActivityClass.Delivery, Story().WithChange("status", "In Progress", "Code Review").By("assignee"));
        yield return Case("P5.rank.own", ActivityClass.Delivery, Story().WithStatus("In Progress").WithChange("Rank", "", "Ranked higher").By("assignee"));
        yield return Case("P5.estimate.own", ActivityClass.Delivery, Story().WithStatus("In Progress").WithChange("Story Points", "3", "5").By("assignee"));
        yield return Case("P5.estimate.refinement", ActivityClass.Tactical, Story().WithChange("Story Points", "", "5").By("other"));
        yield return Case("P5.link.artifact", ActivityClass.Delivery, Story().WithLink("RemoteIssueLink", "PR #14 (GitHub)").By("assignee"));

        // P6
        yield return Case("P6.worklog.discovery", ActivityClass.Strategic, Story().WithSummary("Customer interviews: churned accounts").WithWorklog("notes from calls").By("assignee"));
        yield return Case("P6.worklog.refinement", ActivityClass.Tactical, Story().WithWorklog("backlog refinement and acceptance criteria").By("assignee"));
        yield return Case("P6.worklog.build", ActivityClass.Delivery, Story().WithWorklog("wiring the form").By("assignee"));

        // P7
        yield return Case("P7.comment.tactical", ActivityClass.Tactical, Story().WithComment("Not in this sprint, moving it to the backlog.").By("other"));
        yield return Case("P7.comment.tactical-assignee", ActivityClass.Tactical, Story().WithComment("Agreed with stakeholders: descoped from this sprint, AC updated.").By("assignee"));
        yield return Case("P7.comment.delivery", ActivityClass.Delivery, Story().WithComment("LGTM, merged.").By("other"));
        yield return Case("P7.comment.review", ActivityClass.Delivery, Story().WithStatus("Code Review").WithComment("Looks good, two small comments on naming.").By("other"));
        yield return Case("P7.comment.portfolio-owner", ActivityClass.Strategic, Epic().WithComment("Talked to the clinic managers this week.").By("reporter"));
        yield return Case("P7.comment.assignee", ActivityClass.Delivery, Story().WithComment("Halfway there, will finish tomorrow.").By("assignee"));
        yield return Case("P7.comment.owner", ActivityClass.Tactical, Story().WithComment("Yes, keep the toggle off by default.").By("other"));

        // Defaults
        yield return Case("default.portfolio", ActivityClass.Strategic, Epic().WithChange("Component/s", "", "Payments").By("other"));
        yield return Case("default.task", ActivityClass.Delivery, SubTask().WithChange("Component/s", "", "Payments").By("other"));
        yield return Case("default.assignee", ActivityClass.Delivery, Story().WithChange("Component/s", "", "Payments").By("assignee"));
        yield return Case("default.team", ActivityClass.Tactical, Story().WithChange("Component/s", "", "Payments").By("other"));
    }

    private static TestCaseData Case(string ruleId, ActivityClass expected, ActivityContextBuilder builder) =>
        new TestCaseData(builder.Build(), ruleId, expected).SetName($"Classify_{ruleId}_Is{expected}");

    [TestCaseSource(nameof(RuleCases))]
    public void Classify_RuleScenario_DecidedByThatRule(ActivityContext context, string ruleId, ActivityClass expected)
    {
        var result = CreateSut().Classify(context);

        Assert.Multiple(() =>
        {
            Assert.That(result.RuleId, Is.EqualTo(ruleId), string.Join(" | ", result.Reasons));
            Assert.That(result.Class, Is.EqualTo(expected));
        });
    }

    [Test]
    public void Classify_EveryRuleOfTheDefaultTaxonomy_HasACase()
    {
        var covered = RuleCases().Select(c => (string)c.Arguments[1]!).ToHashSet();

        Assert.That(TaxonomyLoader.Default.Rules.Select(r => r.Id).Where(id => !covered.Contains(id)), Is.Empty);
    }

    [Test]
    public void Classify_CommentRepeatingTheItemsPricingTopic_NotStrategic()
    {
        var context = Story().WithSummary("Pricing page redesign").WithComment("Pricing page copy updated per the new layout.").By("assignee").Build();

        var result = CreateSut().Classify(context);

        Assert.That(result.Class, Is.EqualTo(ActivityClass.Delivery));
    }

    [Test]
    public void Classify_WorklogOnPricingPageBuild_NotDiscovery()
    {
        var context = Story().WithSummary("Pricing page redesign").WithWorklog("CSS for the plan cards").By("assignee").Build();

        var result = CreateSut().Classify(context);

        Assert.That(result.RuleId, Is.EqualTo("P6.worklog.build"));
    }

    [Test]
    public void Classify_BotActor_HasConfidence095()
    {
        var result = CreateSut().Classify(Story().WithChange("Rank", "", "Ranked higher").By("bot").Build());

        Assert.That(result.Confidence, Is.EqualTo(0.95));
    }

    [TestCase("Automation for Jira")]
    [TestCase("renovate[bot]")]
    [TestCase("Project Collection Build Service (Contoso)")]
    public void Classify_KnownAutomationNameWithoutBotFlag_IsOther(string actorName)
    {
        var result = CreateSut().Classify(Story().WithChange("Rank", "", "Ranked higher").By("other", actorName).Build());

        Assert.That(result.Class, Is.EqualTo(ActivityClass.Other));
    }

    [Test]
    public void Classify_ConfiguredServiceAccount_IsOther()
    {
        var result = CreateSut("Release Manager Sync").Classify(Story().WithChange("priority", "Low", "High").By("other", "release manager sync").Build());

        Assert.That(result.RuleId, Is.EqualTo("P1.bot"));
    }

    [Test]
    public void Classify_FallbackRule_ConfidenceAtMostHalf()
    {
        var result = CreateSut().Classify(Story().WithChange("Component/s", "", "Payments").By("other").Build());

        Assert.That(result.Confidence, Is.LessThanOrEqualTo(0.5));
    }

    [Test]
    public void Classify_RankOnStoryByNonAssignee_ReasonExplainsOrdering()
    {
        var result = CreateSut().Classify(Story().WithChange("Rank", "", "Ranked higher").By("other").Build());

        Assert.That(result.Reasons[0], Is.EqualTo("Rank changed on a Story by someone who is not its assignee → backlog ordering → tactical"));
    }

    [Test]
    public void Classify_HtmlComment_CuesMatchAfterStrippingTags()
    {
        var context = new ActivityContextBuilder().WithItem("Product Backlog Item", 0)
            .WithComment("<div><b>Pricing</b> check vs <i>competitor</i>&nbsp;plans</div>").By("other").Build();

        var result = CreateSut().Classify(context);

        Assert.That(result.RuleId, Is.EqualTo("P2.substance"));
    }

    [Test]
    public void Classify_SameContextTwice_SameResult()
    {
        var sut = CreateSut();
        var context = Story().WithComment("Root cause found, fix in PR 12").By("assignee").Build();

        var first = sut.Classify(context);
        var second = sut.Classify(context);

        Assert.Multiple(() =>
        {
            Assert.That(second.RuleId, Is.EqualTo(first.RuleId));
            Assert.That(second.Confidence, Is.EqualTo(first.Confidence));
            Assert.That(second.Reasons, Is.EqualTo(first.Reasons));
        });
    }
}
