using System.Globalization;
using System.Xml;

namespace AnimaChat.Export;

/// <summary>
/// Draws a session's trajectory as an SVG line chart: valence, arousal and dominance as thick lines and every reactor
/// as a thin dashed line, over the turns of the session, on one scale from -1 to 1 (titled on the y axis). Every series
/// has a colour of its own from a palette told apart with colour blindness too (Okabe and Ito 2008, then Tol's muted
/// scheme); each chat turn is marked on the axis, and the other moments are named above it.
/// </summary>
internal static class TrajectoryChart
{
    /// <summary>The SVG namespace.</summary>
    public const string SvgNamespace = "http://www.w3.org/2000/svg";

    private const double Width = 960, Height = 500;
    private const double Left = 64, Right = 200, Top = 56, Bottom = 64;
    private const double PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    private static readonly (string Name, string Colour)[] Vad =
    [
        ("valence", "#D55E00"),
        ("arousal", "#CC79A7"),
        ("dominance", "#0072B2"),
    ];

    /// <summary>The reactors' colours, none of them a colour of the feeling: a profile has at most ten channels.</summary>
    internal static readonly string[] ReactorColours = ["#009E73", "#E69F00", "#56B4E9", "#000000", "#999933", "#882255", "#44AA99", "#332288", "#AA4499", "#DDCC77"];

    /// <summary>The colour of the chat-turn marks.</summary>
    private const string ChatMark = "#555555";

    /// <summary>Writes the chart.</summary>
    /// <param name="document">The session.</param>
    /// <param name="output">Where the SVG goes.</param>
    public static void Write(SessionDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var entries = document.Entries;
        string[] channels = entries.Count == 0 ? [] : [.. entries[0].Reactors.Keys];

        using var svg = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false });
        svg.WriteStartElement("svg", SvgNamespace);
        svg.WriteAttributeString("width", Number(Width));
        svg.WriteAttributeString("height", Number(Height));
        svg.WriteAttributeString("viewBox", $"0 0 {Number(Width)} {Number(Height)}");
        svg.WriteAttributeString("font-family", "system-ui, sans-serif");
        svg.WriteAttributeString("font-size", "12");
        svg.WriteElementString("title", SvgNamespace, "Anima session trajectory");

        Rect(svg, 0, 0, Width, Height, "#ffffff");
        Text(svg, Left, 28, $"Anima session · {document.StartedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} · {document.Provider}", size: 16, weight: "bold");

        // Horizontal grid with the scale, the zero line darker.
        foreach (double value in (double[])[-1, -0.5, 0, 0.5, 1])
        {
            double y = Y(value);
            Line(svg, Left, y, Left + PlotWidth, y, value == 0 ? "#888888" : "#dddddd", 1);
            Text(svg, Left - 8, y + 4, value.ToString("0.0", CultureInfo.InvariantCulture), anchor: "end", colour: "#555555");
        }

        // Turns along the bottom, thinned so the labels never overlap.
        int step = Math.Max(1, (int)Math.Ceiling(entries.Count / 24.0));
        for (int i = 0; i < entries.Count; i += step)
        {
            double x = X(i, entries.Count);
            Line(svg, x, Top + PlotHeight, x, Top + PlotHeight + 5, "#888888", 1);
            Text(svg, x, Top + PlotHeight + 18, entries[i].Turn.ToString(CultureInfo.InvariantCulture), anchor: "middle", colour: "#555555");
        }

        Text(svg, Left + (PlotWidth / 2), Height - 18, "turn", anchor: "middle", colour: "#555555");

        // The y axis says what it measures.
        svg.WriteStartElement("text", SvgNamespace);
        svg.WriteAttributeString("data-axis", "y");
        svg.WriteAttributeString("transform", $"translate({Number(18)},{Number(Top + (PlotHeight / 2))}) rotate(-90)");
        svg.WriteAttributeString("text-anchor", "middle");
        svg.WriteAttributeString("fill", "#555555");
        svg.WriteString("level (feeling and reactors, -1 to 1)");
        svg.WriteEndElement();

        // Each chat turn is marked where it stands on the axis.
        for (int i = 0; i < entries.Count; i++)
        {
            if (entries[i].Kind == "chat")
            {
                svg.WriteStartElement("circle", SvgNamespace);
                svg.WriteAttributeString("data-mark", "chat");
                svg.WriteAttributeString("cx", Number(X(i, entries.Count)));
                svg.WriteAttributeString("cy", Number(Top + PlotHeight));
                svg.WriteAttributeString("r", "3.5");
                svg.WriteAttributeString("fill", ChatMark);
                svg.WriteElementString("title", SvgNamespace, $"chat turn {entries[i].Turn.ToString(CultureInfo.InvariantCulture)}");
                svg.WriteEndElement();
            }
        }

        // What happened at each turn that was not plain chat, written small above the axis.
        if (entries.Count <= 60)
        {
            for (int i = 0; i < entries.Count; i++)
            {
                if (entries[i].Kind is not ("chat" or "start"))
                {
                    double x = X(i, entries.Count);
                    svg.WriteStartElement("text", SvgNamespace);
                    svg.WriteAttributeString("transform", $"translate({Number(x - 3)},{Number(Top + PlotHeight - 6)}) rotate(-90)");
                    svg.WriteAttributeString("fill", "#999999");
                    svg.WriteAttributeString("font-size", "10");
                    svg.WriteString(entries[i].Kind);
                    svg.WriteEndElement();
                }
            }
        }

        // The legend names two groups, since a profile may have a reactor called "arousal" as well.
        int legend = 0;
        Heading(svg, legend++, "feeling");
        foreach (var (name, colour) in Vad)
        {
            double[] values = name switch
            {
                "valence" => [.. entries.Select(e => e.Valence)],
                "arousal" => [.. entries.Select(e => e.Arousal)],
                _ => [.. entries.Select(e => e.Dominance)],
            };
            Series(svg, name, values, colour, 3, null);
            Legend(svg, legend++, name, colour, 3, null);
        }

        legend++;
        double markY = Top + 10 + (legend++ * 20);
        svg.WriteStartElement("circle", SvgNamespace);
        svg.WriteAttributeString("cx", Number(Left + PlotWidth + 34));
        svg.WriteAttributeString("cy", Number(markY));
        svg.WriteAttributeString("r", "3.5");
        svg.WriteAttributeString("fill", ChatMark);
        svg.WriteEndElement();
        Text(svg, Left + PlotWidth + 56, markY + 4, "chat turn");

        legend++;
        Heading(svg, legend++, "reactors");
        for (int c = 0; c < channels.Length; c++)
        {
            string channel = channels[c];
            string colour = ReactorColours[c % ReactorColours.Length];
            Series(svg, "reactor " + channel, [.. entries.Select(e => e.Reactors.TryGetValue(channel, out double level) ? level : 0)], colour, 1.5, "5 3");
            Legend(svg, legend++, channel, colour, 1.5, "5 3");
        }

        Rect(svg, Left, Top, PlotWidth, PlotHeight, "none", "#888888");
        svg.WriteEndElement();
    }

    private static void Series(XmlWriter svg, string name, double[] values, string colour, double width, string? dash)
    {
        var points = string.Join(' ', values.Select((v, i) => $"{Number(X(i, values.Length))},{Number(Y(v))}"));
        svg.WriteStartElement("polyline", SvgNamespace);
        svg.WriteAttributeString("data-series", name);
        svg.WriteAttributeString("points", points);
        svg.WriteAttributeString("fill", "none");
        svg.WriteAttributeString("stroke", colour);
        svg.WriteAttributeString("stroke-width", Number(width));
        svg.WriteAttributeString("stroke-linejoin", "round");
        if (dash is not null)
        {
            svg.WriteAttributeString("stroke-dasharray", dash);
        }

        svg.WriteElementString("title", SvgNamespace, name);
        svg.WriteEndElement();

        // A lone point draws no line, so mark it.
        if (values.Length == 1)
        {
            svg.WriteStartElement("circle", SvgNamespace);
            svg.WriteAttributeString("cx", Number(X(0, 1)));
            svg.WriteAttributeString("cy", Number(Y(values[0])));
            svg.WriteAttributeString("r", Number(width + 1));
            svg.WriteAttributeString("fill", colour);
            svg.WriteEndElement();
        }
    }

    private static void Legend(XmlWriter svg, int index, string name, string colour, double width, string? dash)
    {
        double x = Left + PlotWidth + 20, y = Top + 10 + (index * 20);
        svg.WriteStartElement("line", SvgNamespace);
        svg.WriteAttributeString("x1", Number(x));
        svg.WriteAttributeString("y1", Number(y));
        svg.WriteAttributeString("x2", Number(x + 28));
        svg.WriteAttributeString("y2", Number(y));
        svg.WriteAttributeString("stroke", colour);
        svg.WriteAttributeString("stroke-width", Number(width));
        if (dash is not null)
        {
            svg.WriteAttributeString("stroke-dasharray", dash);
        }

        svg.WriteEndElement();
        Text(svg, x + 36, y + 4, name);
    }

    private static void Heading(XmlWriter svg, int index, string text) =>
        Text(svg, Left + PlotWidth + 20, Top + 14 + (index * 20), text, colour: "#555555", weight: "bold");

    private static void Line(XmlWriter svg, double x1, double y1, double x2, double y2, string colour, double width)
    {
        svg.WriteStartElement("line", SvgNamespace);
        svg.WriteAttributeString("x1", Number(x1));
        svg.WriteAttributeString("y1", Number(y1));
        svg.WriteAttributeString("x2", Number(x2));
        svg.WriteAttributeString("y2", Number(y2));
        svg.WriteAttributeString("stroke", colour);
        svg.WriteAttributeString("stroke-width", Number(width));
        svg.WriteEndElement();
    }

    private static void Rect(XmlWriter svg, double x, double y, double width, double height, string fill, string? stroke = null)
    {
        svg.WriteStartElement("rect", SvgNamespace);
        svg.WriteAttributeString("x", Number(x));
        svg.WriteAttributeString("y", Number(y));
        svg.WriteAttributeString("width", Number(width));
        svg.WriteAttributeString("height", Number(height));
        svg.WriteAttributeString("fill", fill);
        if (stroke is not null)
        {
            svg.WriteAttributeString("stroke", stroke);
        }

        svg.WriteEndElement();
    }

    private static void Text(XmlWriter svg, double x, double y, string text, string anchor = "start", string colour = "#222222", int size = 12, string weight = "normal")
    {
        svg.WriteStartElement("text", SvgNamespace);
        svg.WriteAttributeString("x", Number(x));
        svg.WriteAttributeString("y", Number(y));
        svg.WriteAttributeString("text-anchor", anchor);
        svg.WriteAttributeString("fill", colour);
        svg.WriteAttributeString("font-size", size.ToString(CultureInfo.InvariantCulture));
        svg.WriteAttributeString("font-weight", weight);
        svg.WriteString(text);
        svg.WriteEndElement();
    }

    private static double X(int index, int count) =>
        count <= 1 ? Left + (PlotWidth / 2) : Left + (PlotWidth * index / (count - 1));

    private static double Y(double value) => Top + (PlotHeight * (1 - ((Math.Clamp(value, -1, 1) + 1) / 2)));

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
