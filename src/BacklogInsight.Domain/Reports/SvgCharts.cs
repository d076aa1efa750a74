using System.Globalization;
using System.Text;
using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Reports;

/// <summary>The two inline SVG charts of the HTML report: weekly activity stacked by class, and the balance line.</summary>
internal static class SvgCharts
{
    public const string StrategicColour = "#7b3fa0";
    public const string TacticalColour = "#1f77b4";
    public const string DeliveryColour = "#4c9a2a";
    public const string OtherColour = "#9e9e9e";

    private const double Width = 480;
    private const double Height = 180;
    private const double Left = 40;
    private const double Right = 8;
    private const double Top = 10;
    private const double Bottom = 24;
    private const double PlotWidth = Width - Left - Right;
    private const double PlotHeight = Height - Top - Bottom;

    /// <summary>One bar per week, strategic at the bottom, then tactical, delivery and other.</summary>
    public static string StackedBars(IReadOnlyList<TeamWeekBalance> weeks)
    {
        var max = Math.Max(1, weeks.Count == 0 ? 0 : weeks.Max(w => w.Counts.Total));
        var svg = Open("Activities per week by class", weeks);
        Gridline(svg, Top, max.ToString(CultureInfo.InvariantCulture));
        Gridline(svg, Top + PlotHeight, "0");
        var slot = PlotWidth / Math.Max(1, weeks.Count);
        for (var i = 0; i < weeks.Count; i++)
        {
            var c = weeks[i].Counts;
            var x = Left + (i * slot) + (slot * 0.15);
            var y = Top + PlotHeight;
            foreach (var (count, colour, name) in new[]
            {
                (c.Strategic, StrategicColour, "strategic"), (c.Tactical, TacticalColour, "tactical"),
                (c.Delivery, DeliveryColour, "delivery"), (c.Other, OtherColour, "other"),
            })
            {
                var h = count * PlotHeight / max;
                y -= h;
                if (count > 0)
                {
                    svg.Append(Invariant($"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{h:0.#}\" fill=\"{colour}\">"))
                        .Append(Invariant($"<title>{weeks[i].Week}: {count} {name}</title></rect>"));
                }
            }
        }

        return Close(svg);
    }

    /// <summary>The balance as a line from 0% (all tactical) to 100% (all strategic); weeks without product work leave a gap.</summary>
    public static string BalanceLine(IReadOnlyList<TeamWeekBalance> weeks)
    {
        var svg = Open("Role balance per week (strategic ÷ product work)", weeks);
        Gridline(svg, Top, "100%");
        Gridline(svg, Top + (PlotHeight / 2), "50%");
        Gridline(svg, Top + PlotHeight, "0%");
        var slot = PlotWidth / Math.Max(1, weeks.Count);
        var segment = new List<string>();
        for (var i = 0; i <= weeks.Count; i++)
        {
            if (i < weeks.Count && weeks[i].Balance is { } balance)
            {
                var x = Left + (i * slot) + (slot / 2);
                var y = Top + ((1 - balance) * PlotHeight);
                segment.Add(Invariant($"{x:0.#},{y:0.#}"));
                svg.Append(Invariant($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"3\" fill=\"{StrategicColour}\">"))
                    .Append(Invariant($"<title>{weeks[i].Week}: {Percent.Format(balance)}</title></circle>"));
                continue;
            }

            if (segment.Count > 1)
            {
                svg.Append(Invariant($"<polyline points=\"{string.Join(' ', segment)}\" fill=\"none\" stroke=\"{StrategicColour}\" stroke-width=\"2\"/>"));
            }

            segment.Clear();
        }

        return Close(svg);
    }

    private static StringBuilder Open(string title, IReadOnlyList<TeamWeekBalance> weeks)
    {
        var svg = new StringBuilder()
            .Append(Invariant($"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" class=\"chart\">"))
            .Append("<title>").Append(title).Append("</title>");
        var slot = PlotWidth / Math.Max(1, weeks.Count);
        for (var i = 0; i < weeks.Count; i++)
        {
            var x = Left + (i * slot) + (slot / 2);
            svg.Append(Invariant($"<text x=\"{x:0.#}\" y=\"{Height - 8}\" text-anchor=\"middle\" class=\"axis\">W{weeks[i].Week.Week:D2}</text>"));
        }

        return svg;
    }

    private static void Gridline(StringBuilder svg, double y, string label) =>
        svg.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" class=\"grid\"/>"))
            .Append(Invariant($"<text x=\"{Left - 4}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" class=\"axis\">{label}</text>"));

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
