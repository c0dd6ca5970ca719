using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security;
using System.Text;

namespace Backprop.Samples
{
    /// <summary>Where a panel draws its legend, inside the plot area.</summary>
    public enum LegendCorner
    {
        /// <summary>The top right corner: for curves that fall, such as a loss.</summary>
        TopRight,

        /// <summary>The bottom right corner: for curves that rise, such as an accuracy.</summary>
        BottomRight,
    }

    /// <summary>One line of a panel: y over x, in one colour, solid or dashed.</summary>
    public sealed record ChartSeries(string Name, string Color, IReadOnlyList<double> X, IReadOnlyList<double> Y, bool Dashed);

    /// <summary>One plot of a <see cref="LineChart"/>: its own y axis, its lines and its legend.</summary>
    public sealed class ChartPanel
    {
        /// <summary>Creates an empty panel whose y axis is labelled <paramref name="yLabel"/>.</summary>
        public ChartPanel(string yLabel) => YLabel = yLabel;

        /// <summary>The label of the y axis.</summary>
        public string YLabel { get; }

        /// <summary>The bottom of the y axis; null fits it to the data (rounded down to a tick).</summary>
        public double? YMin { get; set; }

        /// <summary>The top of the y axis; null fits it to the data (rounded up to a tick).</summary>
        public double? YMax { get; set; }

        /// <summary>Whether the y values are fractions to label as percentages (0.95 → 95%).</summary>
        public bool Percent { get; set; }

        /// <summary>
        /// Whether the y axis is logarithmic, for values that shrink by orders of magnitude, such as a loss. Ticks go
        /// at 1, 2 and 5 × powers of ten; values ≤ 0 are left out.
        /// </summary>
        public bool LogScale { get; set; }

        /// <summary>Where the legend goes.</summary>
        public LegendCorner Legend { get; set; } = LegendCorner.TopRight;

        /// <summary>The lines, drawn in order (the last on top).</summary>
        public List<ChartSeries> Series { get; } = new();

        /// <summary>Adds a line and returns the panel, so calls can be chained.</summary>
        public ChartPanel Add(string name, string color, IReadOnlyList<double> x, IReadOnlyList<double> y, bool dashed = false)
        {
            if (x.Count != y.Count) throw new ArgumentException($"Series '{name}' has {x.Count} x values but {y.Count} y values.");
            Series.Add(new ChartSeries(name, color, x, y, dashed));
            return this;
        }
    }

    /// <summary>
    /// A small, dependency-free line-chart writer: one or more panels stacked over a shared x axis, each with
    /// grid lines, ticks, axis labels and a legend, written as a self-contained SVG file.
    /// </summary>
    public sealed class LineChart
    {
        // Layout, in SVG user units (pixels at 100%).
        private const double MarginLeft = 78, MarginRight = 28, PanelGap = 50, BottomMargin = 56;
        private const string Font = "DejaVu Sans, Helvetica, Arial, sans-serif";

        /// <summary>Creates a chart with a title.</summary>
        public LineChart(string title) => Title = title;

        /// <summary>The title, on top.</summary>
        public string Title { get; }

        /// <summary>A smaller line under the title, e.g. the network and the result; optional.</summary>
        public string? Subtitle { get; set; }

        /// <summary>The label of the shared x axis.</summary>
        public string XLabel { get; set; } = "epoch";

        /// <summary>The width of the image.</summary>
        public double Width { get; set; } = 760;

        /// <summary>The height of each panel's plot area.</summary>
        public double PanelHeight { get; set; } = 230;

        /// <summary>The panels, top to bottom.</summary>
        public List<ChartPanel> Panels { get; } = new();

        /// <summary>Writes the chart to <paramref name="path"/> as SVG (UTF-8).</summary>
        public void Save(string path) => File.WriteAllText(path, ToSvg(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        /// <summary>The chart as an SVG document.</summary>
        public string ToSvg()
        {
            if (Panels.Count == 0) throw new InvalidOperationException("The chart has no panels.");
            double header = Subtitle is null ? 52 : 74;
            double height = header + Panels.Count * PanelHeight + (Panels.Count - 1) * PanelGap + BottomMargin;
            double left = MarginLeft, right = Width - MarginRight;

            // One x range for every panel, so they line up.
            (double xMin, double xMax) = DataRange(Panels, x: true);
            (double xLow, double xHigh, double xStep) = NiceAxis(xMin, xMax, null, null, ticks: 10);

            var svg = new StringBuilder();
            svg.AppendLine($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(Width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(Width)} {N(height)}\" font-family=\"{Font}\">");
            svg.AppendLine($"  <title>{Escape(Title)}</title>");   // what screen readers and tooltips show
            svg.AppendLine($"  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
            svg.AppendLine($"  <text x=\"{N(Width / 2)}\" y=\"30\" text-anchor=\"middle\" font-size=\"19\" font-weight=\"bold\" fill=\"#222\">{Escape(Title)}</text>");
            if (Subtitle != null)
            {
                svg.AppendLine($"  <text x=\"{N(Width / 2)}\" y=\"53\" text-anchor=\"middle\" font-size=\"13\" fill=\"#555\">{Escape(Subtitle)}</text>");
            }

            for (int p = 0; p < Panels.Count; p++)
            {
                ChartPanel panel = Panels[p];
                double top = header + p * (PanelHeight + PanelGap), bottom = top + PanelHeight;
                (double yMin, double yMax) = DataRange(new[] { panel }, x: false, positiveOnly: panel.LogScale);
                Axis yAxis = panel.LogScale ? LogAxis(yMin, yMax, panel.YMin, panel.YMax) : LinearAxis(yMin, yMax, panel.YMin, panel.YMax, ticks: 5, panel.Percent);
                double X(double v) => left + (v - xLow) / (xHigh - xLow) * (right - left);
                double Y(double v) => bottom - yAxis.Fraction(v) * (bottom - top);

                svg.AppendLine($"  <g class=\"panel\" font-size=\"12\" fill=\"#333\">");
                svg.AppendLine($"    <rect x=\"{N(left)}\" y=\"{N(top)}\" width=\"{N(right - left)}\" height=\"{N(PanelHeight)}\" fill=\"#fbfbfd\" stroke=\"none\"/>");

                // Grid lines and tick labels: y ticks left of the axis, x ticks under it.
                foreach (double v in yAxis.Minor)
                {
                    svg.AppendLine($"    <line x1=\"{N(left)}\" y1=\"{N(Y(v))}\" x2=\"{N(right)}\" y2=\"{N(Y(v))}\" stroke=\"#eeeef2\"/>");
                }
                foreach ((double v, string label) in yAxis.Ticks)
                {
                    double y = Y(v);
                    svg.AppendLine($"    <line x1=\"{N(left)}\" y1=\"{N(y)}\" x2=\"{N(right)}\" y2=\"{N(y)}\" stroke=\"#e3e3e8\"/>");
                    svg.AppendLine($"    <line x1=\"{N(left - 5)}\" y1=\"{N(y)}\" x2=\"{N(left)}\" y2=\"{N(y)}\" stroke=\"#333\"/>");
                    svg.AppendLine($"    <text x=\"{N(left - 9)}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{label}</text>");
                }
                int xDecimals = Decimals(xStep);
                foreach (double v in Ticks(xLow, xHigh, xStep))
                {
                    double x = X(v);
                    svg.AppendLine($"    <line x1=\"{N(x)}\" y1=\"{N(top)}\" x2=\"{N(x)}\" y2=\"{N(bottom)}\" stroke=\"#eeeef2\"/>");
                    svg.AppendLine($"    <line x1=\"{N(x)}\" y1=\"{N(bottom)}\" x2=\"{N(x)}\" y2=\"{N(bottom + 5)}\" stroke=\"#333\"/>");
                    svg.AppendLine($"    <text x=\"{N(x)}\" y=\"{N(bottom + 19)}\" text-anchor=\"middle\">{v.ToString("F" + xDecimals, CultureInfo.InvariantCulture)}</text>");
                }

                // The axes, and their labels.
                svg.AppendLine($"    <path d=\"M{N(left)},{N(top)} V{N(bottom)} H{N(right)}\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.2\"/>");
                double middle = (top + bottom) / 2;
                svg.AppendLine($"    <text x=\"22\" y=\"{N(middle)}\" transform=\"rotate(-90 22 {N(middle)})\" text-anchor=\"middle\" font-size=\"13\">{Escape(panel.YLabel)}</text>");
                if (p == Panels.Count - 1)
                {
                    svg.AppendLine($"    <text x=\"{N((left + right) / 2)}\" y=\"{N(bottom + 40)}\" text-anchor=\"middle\" font-size=\"13\">{Escape(XLabel)}</text>");
                }

                // The lines, clipped to the plot area. A NaN (or, on a log axis, a value ≤ 0) breaks a line.
                string clip = $"plot{p}";
                svg.AppendLine($"    <clipPath id=\"{clip}\"><rect x=\"{N(left)}\" y=\"{N(top - 2)}\" width=\"{N(right - left + 2)}\" height=\"{N(PanelHeight + 4)}\"/></clipPath>");
                foreach (ChartSeries series in panel.Series)
                {
                    var d = new StringBuilder();
                    bool pen = false;
                    for (int i = 0; i < series.X.Count; i++)
                    {
                        double xv = series.X[i], yv = series.Y[i];
                        if (!double.IsFinite(xv) || !double.IsFinite(yv) || (panel.LogScale && yv <= 0))
                        {
                            pen = false;
                            continue;
                        }
                        d.Append(pen ? " L" : (d.Length == 0 ? "M" : " M")).Append(N(X(xv))).Append(',').Append(N(Y(yv)));
                        pen = true;
                    }
                    string dash = series.Dashed ? " stroke-dasharray=\"7 4\"" : "";
                    svg.AppendLine($"    <path d=\"{d}\" fill=\"none\" stroke=\"{series.Color}\" stroke-width=\"2.2\" stroke-linejoin=\"round\" stroke-linecap=\"round\"{dash} clip-path=\"url(#{clip})\"/>");
                }

                // The legend: a swatch and a name per line, in a box in the chosen corner.
                double rowHeight = 20, legendWidth = 52;
                foreach (ChartSeries series in panel.Series) legendWidth = Math.Max(legendWidth, 50 + 7.2 * series.Name.Length);
                double legendHeight = 10 + rowHeight * panel.Series.Count;
                double legendLeft = right - 12 - legendWidth;
                double legendTop = panel.Legend == LegendCorner.TopRight ? top + 12 : bottom - 12 - legendHeight;
                svg.AppendLine($"    <rect x=\"{N(legendLeft)}\" y=\"{N(legendTop)}\" width=\"{N(legendWidth)}\" height=\"{N(legendHeight)}\" rx=\"4\" fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"#c8c8d0\"/>");
                for (int s = 0; s < panel.Series.Count; s++)
                {
                    ChartSeries series = panel.Series[s];
                    double y = legendTop + 5 + rowHeight * (s + 0.5);
                    string dash = series.Dashed ? " stroke-dasharray=\"7 4\"" : "";
                    svg.AppendLine($"    <line x1=\"{N(legendLeft + 10)}\" y1=\"{N(y)}\" x2=\"{N(legendLeft + 38)}\" y2=\"{N(y)}\" stroke=\"{series.Color}\" stroke-width=\"2.2\"{dash}/>");
                    svg.AppendLine($"    <text x=\"{N(legendLeft + 45)}\" y=\"{N(y + 4)}\">{Escape(series.Name)}</text>");
                }
                svg.AppendLine("  </g>");
            }
            svg.AppendLine("</svg>");
            return svg.ToString();
        }

        // The smallest and largest finite value over every series, of x or of y.
        private static (double Min, double Max) DataRange(IEnumerable<ChartPanel> panels, bool x, bool positiveOnly = false)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (ChartPanel panel in panels)
            {
                foreach (ChartSeries series in panel.Series)
                {
                    foreach (double v in x ? series.X : series.Y)
                    {
                        if (!double.IsFinite(v) || (positiveOnly && v <= 0)) continue;
                        min = Math.Min(min, v);
                        max = Math.Max(max, v);
                    }
                }
            }
            return double.IsFinite(min) ? (min, max) : (positiveOnly ? 0.1 : 0, 1);
        }

        // An axis from min to max with "nice" ticks (1, 2 or 5 × a power of ten), about `ticks` of them. A fixed end
        // stays where it is; a free end is rounded outwards to a tick.
        private static (double Low, double High, double Step) NiceAxis(double min, double max, double? fixedLow, double? fixedHigh, int ticks)
        {
            double low = fixedLow ?? min, high = fixedHigh ?? max;
            if (!(high > low)) high = low + (low == 0 ? 1 : Math.Abs(low) * 0.1);
            double raw = (high - low) / ticks;
            double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
            double fraction = raw / magnitude;
            double step = (fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10) * magnitude;
            if (fixedLow is null) low = Math.Floor(low / step + 1e-9) * step;
            if (fixedHigh is null) high = Math.Ceiling(high / step - 1e-9) * step;
            return (low, high, step);
        }

        // A y axis: its ends, its labelled ticks, unlabelled minor grid lines, and where a value falls between the ends
        // (0 at the bottom, 1 at the top).
        private sealed record Axis(double Low, double High, bool Log, List<(double Value, string Label)> Ticks, List<double> Minor)
        {
            public double Fraction(double v) => Log
                ? (Math.Log10(v) - Math.Log10(Low)) / (Math.Log10(High) - Math.Log10(Low))
                : (v - Low) / (High - Low);
        }

        private static Axis LinearAxis(double min, double max, double? fixedLow, double? fixedHigh, int ticks, bool percent)
        {
            (double low, double high, double step) = NiceAxis(min, max, fixedLow, fixedHigh, ticks);
            int decimals = Decimals(percent ? step * 100 : step);
            var list = new List<(double, string)>();
            foreach (double v in Ticks(low, high, step))
            {
                list.Add((v, percent ? (v * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + "%" : v.ToString("F" + decimals, CultureInfo.InvariantCulture)));
            }
            return new Axis(low, high, Log: false, list, new List<double>());
        }

        // A logarithmic axis. Its free ends are rounded outwards, with a little room so that no line runs along the
        // frame, to 1, 2 or 5 × a power of ten. Over up to two decades every such value gets a labelled tick; over more,
        // only the powers of ten and the two ends are labelled, and the rest get lighter grid lines.
        private static Axis LogAxis(double min, double max, double? fixedLow, double? fixedHigh)
        {
            const double Room = 1.1, Slack = 1e-9;
            double low = fixedLow ?? min / Room, high = fixedHigh ?? max * Room;
            if (!(high > low)) high = low * 10;
            var candidates = new List<(double Value, bool Decade)>();
            for (int e = (int)Math.Floor(Math.Log10(low)) - 1; e <= (int)Math.Ceiling(Math.Log10(high)) + 1; e++)
            {
                double power = Math.Pow(10, e);
                candidates.Add((power, true));
                candidates.Add((2 * power, false));
                candidates.Add((5 * power, false));
            }
            if (fixedLow is null) low = candidates.FindLast(c => c.Value <= low * (1 + Slack)).Value;
            if (fixedHigh is null) high = candidates.Find(c => c.Value >= high * (1 - Slack)).Value;
            bool decades = Math.Log10(high / low) > 2 + Slack;
            var ticks = new List<(double, string)>();
            var minor = new List<double>();
            foreach ((double value, bool decade) in candidates)
            {
                if (value < low * (1 - Slack) || value > high * (1 + Slack)) continue;
                bool end = Math.Abs(value / low - 1) < 1e-6 || Math.Abs(value / high - 1) < 1e-6;
                if (decade || !decades || end) ticks.Add((value, value.ToString("0.##########", CultureInfo.InvariantCulture)));
                else minor.Add(value);
            }
            return new Axis(low, high, Log: true, ticks, minor);
        }

        // The multiples of step from low to high (inclusive, with some slack for rounding).
        private static IEnumerable<double> Ticks(double low, double high, double step)
        {
            for (double k = Math.Ceiling(low / step - 1e-9); k * step <= high + step * 1e-9; k++)
            {
                yield return Math.Abs(k * step) < step * 1e-9 ? 0 : k * step;
            }
        }

        // Enough decimals to tell ticks `step` apart: 0 for 10, 1 for 0.5, 2 for 0.05.
        private static int Decimals(double step) => Math.Max(0, (int)Math.Ceiling(-Math.Log10(step) - 1e-9));

        // A coordinate, with '.' as the decimal point whatever the culture.
        private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

        private static string Escape(string text) => SecurityElement.Escape(text) ?? "";
    }
}
