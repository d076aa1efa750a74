namespace BacklogInsight.Domain.Reports;

/// <summary>The inline style sheet of the HTML report: readable on screen, one team per page on paper.</summary>
internal static class HtmlReportStyles
{
    public const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.4; }
        h1, h2, h3 { line-height: 1.2; }
        .meta { color: #555; font-size: 0.9rem; }
        .notice { background: #fff8e1; border-left: 4px solid #f0b400; padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
        .attention { background: #fdecea; border-left: 4px solid #c62828; padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
        table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        .charts { display: flex; flex-wrap: wrap; gap: 1rem; }
        .charts figure { margin: 0; flex: 1 1 20rem; }
        .chart { width: 100%; height: auto; }
        .chart .axis { font-size: 10px; fill: #555; }
        .chart .grid { stroke: #ddd; stroke-width: 1; }
        .legend span { display: inline-block; margin-right: 0.75rem; font-size: 0.8rem; }
        .legend i { display: inline-block; width: 0.7rem; height: 0.7rem; margin-right: 0.25rem; vertical-align: middle; }
        @media print {
            body { margin: 0; max-width: none; font-size: 10pt; }
            section.team { break-before: page; }
            section.team:first-of-type { break-before: auto; }
            table, figure { break-inside: avoid; }
            a { color: inherit; text-decoration: none; }
            .notice, .attention { border: 1px solid #999; background: none; }
        }
        """;
}
