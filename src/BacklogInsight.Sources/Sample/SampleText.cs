namespace BacklogInsight.Sources.Sample;

/// <summary>Picks words for one team's texts from its domain and the shared banks, using the generator's random source.</summary>
internal sealed class SampleText(Random random, SampleDomain domain)
{
    public SampleDomain Domain => domain;

    public string Pick(IReadOnlyList<string> options) => options[random.Next(options.Count)];

    public T Pick<T>(IReadOnlyList<T> options) => options[random.Next(options.Count)];

    public int Number(int min, int max) => random.Next(min, max);

    public bool Chance(double probability) => random.NextDouble() < probability;

    public string Object => Pick(domain.Objects);

    public string Component => Pick(domain.Components);

    public string User => Pick(domain.Users);

    public string Kpi => Pick(domain.Kpis);

    public string Segment => Pick(domain.Segments);

    public string Competitor => Pick(domain.Competitors);

    public string Env => Pick(SampleWording.Environments);

    public string Exception => Pick(SampleWording.Exceptions);

    public int Pr => Number(1200, 4800);

    public string Percent => $"{Number(3, 38)}%";

    /// <summary>Fills one of <paramref name="templates"/>.</summary>
    public string Say(IReadOnlyList<Func<SampleText, string>> templates) => Pick(templates)(this);

    public string StoryTitle() => Number(0, 4) switch
    {
        0 => $"As a {User}, I can {Pick(domain.Capabilities)}",
        1 => $"{Pick(SampleWording.StoryVerbs)} {Object} for {User}s",
        2 => $"{Pick(SampleWording.StoryVerbs)} {Object}",
        _ => $"{Capitalise(Object)}: {Pick(SampleWording.StoryTwists)}",
    };

    public string BugTitle() => $"{Capitalise(Object)} {Pick(SampleWording.Symptoms)} {Pick(SampleWording.Platforms)}";

    public string TaskTitle() => $"{Pick(SampleWording.TaskVerbs)} {Component}";

    public string SpikeTitle() => $"Spike: {Pick(SampleWording.SpikeQuestions)} {Object}";

    public string SubTaskTitle(string parentObject) =>
        $"{Pick(SampleWording.SubTaskAreas)}: {Pick(SampleWording.SubTaskVerbs)} {parentObject}";

    public string AcceptanceCriteria() =>
        $"- Given a {User}, when they use the {Object}, then {Pick(SampleWording.Outcomes)}\n"
        + $"- {Capitalise(Pick(SampleWording.Constraints))}\n"
        + $"- Tracking event '{Object.Replace(' ', '_')}_{Pick(SampleWording.EventSuffixes)}' is sent";

    public static string Capitalise(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
