using System.Globalization;
using BacklogInsight.Api.Tests.AzureDevOps.Fake;
using BacklogInsight.Api.Tests.Jira.Fake;

namespace BacklogInsight.Benchmarks.Fakes;

/// <summary>
/// Which fake to serve and how big: <see cref="Jira"/> (a <see cref="FakeJiraSite"/> of <see cref="Size"/> issues) or
/// <see cref="AzureDevOps"/> (a <see cref="FakeAdoOrganisation"/> of <see cref="Size"/> items), otherwise with the
/// default (seeded, so deterministic) options: a child process given the same spec serves the same site.
/// </summary>
public sealed record FakeSpec(string Kind, int Size)
{
    public const string Jira = "jira";
    public const string AzureDevOps = "azure-devops";

    /// <summary>The child's command line: <c>--serve-fake jira --issues N</c> or <c>--serve-fake azure-devops --items N</c>.</summary>
    public IReadOnlyList<string> ToArguments() =>
        [FakeServeMode.Switch, Kind, Kind == Jira ? "--issues" : "--items", Size.ToString(CultureInfo.InvariantCulture)];

    public static FakeSpec FromArguments(string[] args)
    {
        var kind = ScaleHost.Option(args, FakeServeMode.Switch) ?? throw new ArgumentException($"{FakeServeMode.Switch} needs {Jira} or {AzureDevOps}.");
        var size = ScaleHost.Option(args, kind == Jira ? "--issues" : "--items") ?? throw new ArgumentException($"{FakeServeMode.Switch} {kind} needs its size.");
        return new FakeSpec(kind, int.Parse(size, CultureInfo.InvariantCulture));
    }

    /// <summary>Builds the site and serves it on loopback in this process.</summary>
    public async Task<IScaleFake> ServeInProcessAsync(bool cacheAnswers)
    {
        switch (Kind)
        {
            case Jira:
                var jira = await FakeJiraServer.StartAsync(new FakeJiraSite(new FakeJiraSiteOptions { Issues = Size }));
                jira.CacheAnswers = cacheAnswers;
                return new InProcessScaleFake(jira.BaseUrl, jira.Counts, jira.ResetCounts, jira);
            case AzureDevOps:
                var ado = await FakeAdoServer.StartAsync(new FakeAdoOrganisation(new FakeAdoOptions { Items = Size }));
                ado.CacheAnswers = cacheAnswers;
                return new InProcessScaleFake(ado.BaseUrl, ado.Counts, ado.ResetCounts, ado);
            default:
                throw new ArgumentException($"No fake called '{Kind}': {Jira} or {AzureDevOps}.");
        }
    }

    /// <summary>Serves the fake where <paramref name="placement"/> says; a child process replays its answers once rendered.</summary>
    public async Task<IScaleFake> ServeAsync(FakePlacement placement) => placement == FakePlacement.InProcess
        ? await ServeInProcessAsync(cacheAnswers: false)
        : await ChildProcessScaleFake.StartAsync(this);
}
