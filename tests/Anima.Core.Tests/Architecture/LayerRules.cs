using System.Text;
using System.Text.RegularExpressions;

namespace Anima.Tests.Architecture;

/// <summary>
/// The layer map of <c>src/Anima.Core</c> and a checker for it, read from the source: every folder has a rank, and a
/// file may name only types declared in folders of its own rank or lower. Public types all share the namespace
/// <c>Anima</c>, so namespaces alone cannot tell the layers apart; the folders can.
/// </summary>
internal static partial class LayerRules
{
    /// <summary>The rank of each top folder of <c>src/Anima.Core</c>, lowest first; the empty name is the root (the façade).</summary>
    public static readonly IReadOnlyDictionary<string, int> Ranks = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["Numerics"] = 0,
        ["StateModel"] = 0,
        ["Stimuli"] = 1,
        ["Reactors"] = 2,
        ["Character"] = 2,
        ["Emotions"] = 3,
        ["Metrics"] = 4,
        ["Identity"] = 5,
        ["Agency"] = 6,
        ["Snapshot"] = 7,
        ["People"] = 7,
        ["Narration"] = 8,
        ["Prompting"] = 8,
        ["Engine"] = 9,
        [string.Empty] = 10,
        ["Chat"] = 10,
        ["Events"] = 10,
        ["Memory"] = 10,
        ["Persistence"] = 10,
        ["Storage"] = 10,
        ["Diagnostics"] = 10,
        ["DependencyInjection"] = 11,
    };

    /// <summary>One source file: its path below the project, and its text.</summary>
    public sealed record SourceFile(string Path, string Text)
    {
        /// <summary>Gets the top folder the file sits in; empty for the root.</summary>
        public string Folder => Path.Contains('/', StringComparison.Ordinal) ? Path[..Path.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
    }

    /// <summary>Reads every C# file of the library, with paths relative to its project folder and '/' as separator.</summary>
    public static IReadOnlyList<SourceFile> ReadLibrary()
    {
        string project = Path.Combine(RepositoryRoot(), "src", "Anima.Core");
        return
        [
            .. Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(project, f).Replace('\\', '/'))
                .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(f => new SourceFile(f, File.ReadAllText(Path.Combine(project, f)))),
        ];
    }

    /// <summary>The folder holding <c>Anima.Core.sln</c>, found by walking up from the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Anima.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Anima.Core.sln was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every reference from a file to a type or namespace of a higher layer, as readable lines.</summary>
    public static IReadOnlyList<string> Violations(IReadOnlyList<SourceFile> files)
    {
        // Where each top-level type is declared. A name declared in more than one folder counts at its lowest rank.
        var declared = new Dictionary<string, (string Folder, int Rank)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            int rank = RankOf(file.Folder);
            foreach (Match m in TopLevelType().Matches(Code(file.Text)))
            {
                string name = m.Groups["name"].Value;
                if (!declared.TryGetValue(name, out var known) || rank < known.Rank)
                {
                    declared[name] = (file.Folder, rank);
                }
            }
        }

        var violations = new List<string>();
        foreach (var file in files)
        {
            int rank = RankOf(file.Folder);
            string code = Code(file.Text);
            foreach (Match m in UsingNamespace().Matches(code))
            {
                string folder = m.Groups["folder"].Value;
                if (Ranks.TryGetValue(folder, out int used) && used > rank)
                {
                    violations.Add($"{file.Path} ({Describe(file.Folder)}) imports namespace Anima.{folder} ({Describe(folder)})");
                }
            }

            foreach (var name in Identifiers().Matches(code).Select(m => m.Value).Distinct(StringComparer.Ordinal))
            {
                if (declared.TryGetValue(name, out var type) && type.Rank > rank)
                {
                    violations.Add($"{file.Path} ({Describe(file.Folder)}) uses {name} from {Describe(type.Folder)}");
                }
            }
        }

        return violations;
    }

    /// <summary>Every file whose namespace does not follow the rule: internal types in <c>Anima.Folder</c>, public types in <c>Anima</c>.</summary>
    public static IReadOnlyList<string> NamespaceViolations(IReadOnlyList<SourceFile> files)
    {
        var violations = new List<string>();
        foreach (var file in files)
        {
            string code = Code(file.Text);
            var ns = FileNamespace().Match(code);
            if (!ns.Success)
            {
                violations.Add($"{file.Path} has no file-scoped namespace");
                continue;
            }

            bool exposesPublicType = PublicTopLevelType().IsMatch(code);
            string expected = exposesPublicType || file.Folder.Length == 0 ? "Anima" : "Anima." + file.Folder;

            // Extension methods live where users find them without a using (STYLE.md §1): UseAnima beside
            // M.E.AI's builder extensions, AddAnima beside the container's.
            bool extensionsWhereUsersLook = exposesPublicType && ns.Groups["name"].Value.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal);
            if (ns.Groups["name"].Value != expected && !extensionsWhereUsersLook)
            {
                violations.Add($"{file.Path} is in namespace {ns.Groups["name"].Value}; {(exposesPublicType ? "its public types belong in" : "its internal types belong in")} {expected}");
            }
        }

        return violations;
    }

    private static int RankOf(string folder) =>
        Ranks.TryGetValue(folder, out int rank) ? rank : throw new InvalidOperationException($"The folder '{folder}' has no rank in the layer map; add it to LayerRules.Ranks.");

    private static string Describe(string folder) => folder.Length == 0 ? "the façade" : folder;

    /// <summary>The source with comments, strings and character literals blanked out, so only code is searched.</summary>
    internal static string Code(string text)
    {
        var code = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                code.Append('\n');
            }
            else if (c == '/' && next == '*')
            {
                int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 1;
                code.Append(' ');
            }
            else if (c == '"' && i >= 1 && text[i - 1] == '@')
            {
                // Verbatim string: "" is an escaped quote.
                for (i++; i < text.Length && !(text[i] == '"' && (i + 1 >= text.Length || text[i + 1] != '"')); i++)
                {
                    i += text[i] == '"' ? 1 : 0;
                }

                code.Append("\"\"");
            }
            else if (c == '"' && next == '"' && i + 2 < text.Length && text[i + 2] == '"')
            {
                int end = text.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
                code.Append("\"\"");
            }
            else if (c == '"' || c == '\'')
            {
                for (i++; i < text.Length && text[i] != c && text[i] != '\n'; i++)
                {
                    i += text[i] == '\\' ? 1 : 0;
                }

                code.Append(c).Append(c);
            }
            else
            {
                code.Append(c);
            }
        }

        return code.ToString();
    }

    [GeneratedRegex(@"^(?:(?:public|internal|static|sealed|abstract|readonly|partial|ref|file|unsafe)\s+)*(?:class|struct|interface|enum|record(?:\s+struct|\s+class)?)\s+(?<name>[A-Za-z_]\w*)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    [GeneratedRegex(@"^(?:(?:static|sealed|abstract|readonly|partial|ref|unsafe)\s+)*public\s+(?:(?:static|sealed|abstract|readonly|partial|ref|unsafe)\s+)*(?:class|struct|interface|enum|record)\b", RegexOptions.Multiline)]
    private static partial Regex PublicTopLevelType();

    [GeneratedRegex(@"^\s*using\s+(?:static\s+)?Anima\.(?<folder>\w+)", RegexOptions.Multiline)]
    private static partial Regex UsingNamespace();

    [GeneratedRegex(@"^namespace\s+(?<name>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"\b[A-Za-z_]\w*\b")]
    private static partial Regex Identifiers();
}
