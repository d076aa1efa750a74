using BacklogInsight.Domain.Classification;
using BacklogInsight.Workers.Classification;

namespace BacklogInsight.Api.CommandLine;

/// <summary>The classifier as the service would build it, from the same configuration sources, without a host.</summary>
public static class ClassifierFromConfiguration
{
    public static ActivityClassifier Create(CommandLineInvocation invocation)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(invocation.ConfigurationArgs)
            .Build();
        var options = new ClassificationOptions { TaxonomyPath = configuration[$"{ClassificationOptions.SectionName}:TaxonomyPath"] };
        foreach (var account in configuration.GetSection($"{ClassificationOptions.SectionName}:ServiceAccounts").GetChildren())
        {
            if (account.Value is { } name)
            {
                options.ServiceAccounts.Add(name);
            }
        }

        try
        {
            return ClassifierFactory.Create(options);
        }
        catch (TaxonomyException exception)
        {
            throw new CommandLineException(exception.Message);
        }
    }
}
