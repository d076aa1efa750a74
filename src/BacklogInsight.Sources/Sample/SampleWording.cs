namespace BacklogInsight.Sources.Sample;

/// <summary>Phrase banks for delivery, backlog and bot texts; each template has several interchangeable parts.</summary>
internal static class SampleWording
{
    public static readonly string[] StoryVerbs = ["Support", "Show", "Redesign", "Add", "Simplify", "Localise", "Validate", "Personalise"];
    public static readonly string[] StoryTwists = ["empty state and error copy", "handle partial failures", "accessibility pass (WCAG AA)", "remember last choice", "German and French copy", "admin override"];
    public static readonly string[] Symptoms = ["times out", "shows a wrong total", "crashes", "is blank after refresh", "sends duplicates", "ignores the locale", "loses state on back navigation", "returns 500"];
    public static readonly string[] Platforms = ["on Safari 17", "on Android 14", "for EUR accounts", "after logout", "in staging only", "under load", "on slow 3G", "for accounts created before 2024"];
    public static readonly string[] TaskVerbs = ["Upgrade .NET SDK in", "Add OpenTelemetry traces to", "Remove feature flag from", "Split", "Add contract tests for", "Migrate secrets of", "Bump dependencies of"];
    public static readonly string[] SpikeQuestions = ["can we cache", "how to paginate", "evaluate a library for", "performance budget of", "data model for"];
    public static readonly string[] SubTaskAreas = ["Backend", "Frontend", "API", "Tests", "Docs", "Infra"];
    public static readonly string[] SubTaskVerbs = ["implement", "write tests for", "wire up", "add feature flag for", "update schema for", "document"];
    public static readonly string[] Outcomes = ["the change is visible within 2 seconds", "an error banner explains what to do next", "nothing changes for existing users", "the audit log records who did it", "the copy matches the Figma frame"];
    public static readonly string[] Constraints = ["works on the last two versions of iOS and Android", "no new PII leaves the EU region", "p95 latency stays under 300 ms", "copy is translated for DE, FR and NL", "feature flag off by default"];
    public static readonly string[] EventSuffixes = ["viewed", "submitted", "failed", "completed"];
    public static readonly string[] Environments = ["staging", "the review app", "prod-eu", "the nightly build", "QA"];
    public static readonly string[] Exceptions = ["NullReferenceException", "TimeoutException", "HttpRequestException: 502 Bad Gateway", "DbUpdateConcurrencyException", "KeyNotFoundException", "JsonException: unexpected token"];
    public static readonly string[] SprintGoalOutcomes = ["without regressions on checkout", "behind a flag for internal users", "with dashboards in place", "ready for the beta group"];
    public static readonly string[] Pairs = ["Sam", "the QA", "the backend folks", "whoever is on support rotation", "the design team"];
    public static readonly string[] Dependencies = ["API contract from the platform team", "new SDK release", "DB migration on prod", "security review", "config change in Vault", "design tokens update"];

    /// <summary>Technical comments by the developer doing the work.</summary>
    public static readonly Func<SampleText, string>[] DevComments =
    [
        t => $"PR #{t.Pr} is up: {t.Component} now handles {t.Object} and has unit tests.",
        t => $"Repro'd on {t.Env}: {t.Exception} in {t.Component}. Looking into the root cause.",
        t => $"Root cause: {t.Component} retries without backoff, so {t.Object} gets hammered under load. Fix in PR #{t.Pr}.",
        t => $"Refactored {t.Component} a bit first, the old code path was untestable. Behaviour unchanged.",
        t => $"Build is red on {t.Env} because of a flaky test in {t.Component}Tests, rerunning.",
        t => $"Deployed to {t.Env}, smoke tests green.",
        t => $"Stack trace from {t.Env}:\n{t.Exception}\n   at {t.Component}.HandleAsync()\n   at Pipeline.Next()",
        t => $"Pairing with {t.Pick(SampleWording.Pairs)} on this tomorrow morning.",
        t => $"Blocked: waiting for the {t.Pick(SampleWording.Dependencies)} before I can finish {t.Object}.",
        t => $"Unblocked, the {t.Pick(SampleWording.Dependencies)} landed.",
        t => $"Added a migration for {t.Object}; it is backwards compatible so we can roll back.",
        t => $"My estimate was off, {t.Component} needs a bigger change than expected. Splitting the cleanup into a follow-up task.",
        t => $"Branch feature/{t.Object.Replace(' ', '-')} rebased on main, conflicts resolved.",
        t => $"Load test on {t.Env}: p95 went from {t.Number(320, 900)} ms to {t.Number(90, 300)} ms.",
        t => $"Merged. Pipeline #{t.Number(8000, 9999)} will take it to {t.Env}.",
        t => $"Logging added around {t.Component} so we can see why {t.Object} fails intermittently.",
        t => $"Turns out the bug is in the {t.Pick(SampleWording.Dependencies)}, not in our code. Opened a ticket with them and added a workaround.",
        t => $"Feature flag {t.Object.Replace(' ', '_')}_v2 is on for internal users on {t.Env}.",
    ];

    /// <summary>Questions a developer sends to the owner.</summary>
    public static readonly Func<SampleText, string>[] DevQuestions =
    [
        t => $"Question: should {t.Object} also apply to existing {t.User}s or only new ones?",
        t => $"The AC doesn't say what happens when {t.Object} is unavailable. Error banner or silent fallback?",
        t => $"Do we need the {t.Object} change in all locales for this story, or is DE enough for now?",
        t => $"Design shows two variants for {t.Object}. Which one are we building?",
        t => $"Is it OK to ship this behind a flag and enable it next sprint? The {t.Component} change is risky.",
        t => $"What should the {t.User} see if the request takes longer than 10 seconds?",
        t => $"Can we drop the CSV export from this story? It doubles the effort.",
    ];

    /// <summary>The owner answering, clarifying scope and criteria.</summary>
    public static readonly Func<SampleText, string>[] OwnerAnswers =
    [
        t => $"Only new {t.User}s for now; I've updated the AC. Existing ones get it in a follow-up story.",
        t => "Error banner, please. Added it as AC 4.",
        t => "DE is enough for this sprint. I split the other locales into a separate story in the backlog.",
        t => $"Variant B. Design confirmed it in refinement; the link is in the description now.",
        t => "Yes, behind a flag is fine. Definition of Done still needs the flag documented.",
        t => $"Show the retry state with the standard spinner. That matches the rest of the {t.Object} flow.",
        t => "Agreed, CSV export is descoped. New story created and ranked below this one.",
        t => "Good catch. I've rewritten the AC so it is testable; please re-read before you continue.",
    ];

    /// <summary>Text entered with an acceptance transition.</summary>
    public static readonly Func<SampleText, string>[] Accepts =
    [
        t => $"AC 1-{t.Number(3, 6)} verified on {t.Env}. Accepted.",
        t => "Demoed in review, works as agreed. Accepting.",
        t => $"Checked on {t.Env} with a test {t.User} account, all criteria met.",
        t => "Accepted. Copy tweak is a separate story, not a blocker.",
        t => $"Looks good on iOS and Android. Closing, thanks!",
    ];

    /// <summary>Text entered when the owner sends work back.</summary>
    public static readonly Func<SampleText, string>[] Rejects =
    [
        t => $"Fails AC{t.Number(1, 5)} on {t.Env}: the {t.Object} is not saved after refresh.",
        t => $"Not accepted: AC {t.Number(2, 5)} says the error banner must explain the next step, it only shows a code.",
        t => $"Sending back, the tracking event from the AC is missing.",
        t => $"Fails AC{t.Number(1, 4)} in German, copy is still English.",
        t => "Rejecting for now: works for new users but breaks existing ones, which the AC excludes.",
    ];

    /// <summary>Backlog and sprint-scope notes by the owner.</summary>
    public static readonly Func<SampleText, string>[] OwnerNotes =
    [
        t => $"Pulled into the sprint: small, and it unblocks the {t.Object} work.",
        t => "Descoped from this sprint; the sprint goal is at risk otherwise. Back to the top of the backlog.",
        t => $"Stakeholder update: {t.Object} slips by one sprint because of the {t.Pick(SampleWording.Dependencies)}.",
        t => "Refined with the team today. Ready for the next sprint.",
        t => "Split into two stories, this one keeps the happy path.",
        t => $"Raised priority: support has {t.Number(4, 30)} tickets about {t.Object} this week.",
    ];

    /// <summary>Peer review notes.</summary>
    public static readonly Func<SampleText, string>[] Reviews =
    [
        t => "LGTM, one nit about naming.",
        t => $"Left comments on PR #{t.Pr}: please add a test for the empty case.",
        t => $"Approved. Consider extracting the retry policy from {t.Component}.",
        t => "Tested on my device, works. Approving.",
        t => $"Changes requested: the migration is not idempotent on {t.Env}.",
    ];

    /// <summary>What developers write in worklogs.</summary>
    public static readonly Func<SampleText, string>[] WorklogNotes =
    [
        t => $"Implementation in {t.Component}",
        t => "Unit and integration tests",
        t => "Code review fixes",
        t => $"Debugging on {t.Env}",
        t => "Pairing session",
        t => $"Refactoring {t.Component}",
        t => "Writing the migration",
        t => $"Testing {t.Object} on devices",
    ];

    /// <summary>Posts by the automation account.</summary>
    public static readonly Func<SampleText, string>[] BotComments =
    [
        t => $"Build #{t.Number(1000, 9999)} passed on {t.Env}.",
        t => $"Build #{t.Number(1000, 9999)} failed: {t.Number(1, 6)} tests failed in {t.Component}Tests.",
        t => $"Deployment to {t.Env} succeeded (pipeline #{t.Number(8000, 9999)}).",
        t => $"Pull request #{t.Pr} merged into main.",
        t => "This issue has been idle for 5 days in an active sprint.",
    ];

    public static readonly Func<SampleText, string>[] SprintGoals =
    [
        t => $"Ship {t.Object} to all {t.User}s {t.Pick(SampleWording.SprintGoalOutcomes)}",
        t => $"Finish the {t.Object} rework and burn down the top 5 bugs",
        t => $"{SampleText.Capitalise(t.Object)} in beta {t.Pick(SampleWording.SprintGoalOutcomes)}",
        t => $"Stabilise {t.Component} and deliver {t.Object}",
    ];
}
