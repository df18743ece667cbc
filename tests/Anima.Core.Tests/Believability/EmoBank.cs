using Anima.Tests.Support;

namespace Anima.Tests.Believability;

/// <summary>
/// EmoBank (Buechel and Hahn 2017, CC BY-SA 4.0): sentences with human valence, arousal and dominance
/// ratings on a 1–5 scale. Read from ../shared/data for tests only; never part of a package.
/// </summary>
internal static class EmoBank
{
    public static IReadOnlyList<Rated> Train { get; } = Load("train");

    public static IReadOnlyList<Rated> Dev { get; } = Load("dev");

    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }

    private static List<Rated> Load(string split)
    {
        var rows = new List<Rated>();
        using var reader = new StreamReader(SharedData.File(Path.Combine("emobank", split + ".csv")));
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var fields = Csv(line);
            rows.Add(new Rated(Number(fields[2]), Number(fields[3]), Number(fields[4]), fields[5]));
        }

        return rows;
    }

    private static double Number(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One CSV row with quoted fields and doubled quotes.</summary>
    private static List<string> Csv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    public sealed record Rated(double Valence, double Arousal, double Dominance, string Text);
}
