namespace BacklogInsight.Api.Features.Classification;

/// <summary>
/// The answer to <c>POST /api/classify</c>: each well-formed record with its prediction (as JSONL lines, in the
/// labelled-set schema plus <c>predicted</c>, <c>confidence</c>, <c>rules</c>, <c>reasons</c>), and each bad line.
/// </summary>
public sealed record ClassifyResponse(string TaxonomyVersion, IReadOnlyList<System.Text.Json.Nodes.JsonNode> Results, IReadOnlyList<RecordError> Errors);
