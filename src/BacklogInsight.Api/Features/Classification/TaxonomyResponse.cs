namespace BacklogInsight.Api.Features.Classification;

/// <summary>The taxonomy in force and how many stored activities still wait for it.</summary>
public sealed record TaxonomyResponse(string Version, int ActivitiesAwaitingReclassification);
