using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CsCheck;
using KeyLint.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using static KeyLint.Tests.CodeFixes.CompositionProject;

namespace KeyLint.Tests.Reliability
{
    /// <summary>
    /// Fix All in Document over random files made of the sites single fixes support, in random
    /// combinations, counts and orders, among unrelated members: it never throws, the result —
    /// parsed again from its text — compiles with no error or warning (the input has none), and
    /// exactly the keys no fix can reach are left: every other key, spelled out or kept in const
    /// pieces, is gone, and the disabled <c>#else</c> branch keeps its key (KL0005's to redact);
    /// every comment and directive is kept.
    /// </summary>
    /// <remarks>
    /// Each template writes one or more members around fresh fake keys (<see cref="FakeKeys"/>, a
    /// distinct seed each) and knows what must become of each key: fixed, left (no fix can compile
    /// there) or left to KL0005 (the <c>#else</c> branch, disabled with DEBUG defined). Failure
    /// messages name templates, kinds and seeds, never a key.
    /// </remarks>
    public class FixAllPropertyTests
    {
        private enum Fate
        {
            Fixed,
            Left,
            Disabled,
        }

        private sealed record Planted(string Key, string Kind, Fate Fate, string Template)
        {
            public string Prefix => KeyKinds.Prefix(Kind);

            /// <summary>The piece before the marker: the prefix of an OpenAI key, the 52 characters before <c>JQQJ9</c> of an Azure key.</summary>
            public string Head => Kind == "AzureOpenAI" ? Key.Substring(0, 52) : Prefix;

            public string Rest => Key.Substring(Head.Length);

            /// <summary>How the analyzers report it: a key in disabled code is KL0005, unless it is an Azure key (KL0008 wherever it is).</summary>
            public string Label => (Fate == Fate.Disabled && Kind != "AzureOpenAI" ? "KL0005 " : "code ") + Redacted;

            /// <summary>Gone after Fix All: fixed, or an Azure key in disabled code, which KL0008's Fix All redacts.</summary>
            public bool GoneAfterFixAll => Fate == Fate.Fixed || (Fate == Fate.Disabled && Kind == "AzureOpenAI");

            public string Redacted => FakeKeys.Redacted(Key, Prefix);

            public override string ToString() => Template + "(" + Kind + ") " + Redacted;
        }

        /// <summary>A site shape: its name, the fate of each key it plants, and its members (<c>i</c> makes names unique).</summary>
        private sealed record Template(string Name, Fate[] Fates, Func<int, Planted[], string> Write);

        private static Template Site(string name, Func<int, Planted[], string> write, params Fate[] fates)
            => new Template(name, fates.Length == 0 ? new[] { Fate.Fixed } : fates, write);

        private static Template Unrelated(string name, Func<int, string> write) => new Template(name, Array.Empty<Fate>(), (i, _) => write(i));

        private static readonly Template[] KeyTemplates =
        {
            Site("ConstField", (i, k) => $"private const string F{i} = \"{k[0].Key}\";\npublic static int F{i}Length => F{i}.Length;"),
            Site("StaticReadonly", (i, k) => $"public static readonly string R{i} = \"{k[0].Key}\";"),
            Site("InstanceField", (i, k) => $"private readonly string _f{i} = \"{k[0].Key}\";\npublic string F{i}() => _f{i};"),
            Site("ConstPieces", (i, k) => $"private const string H{i} = \"{k[0].Head}\";\nprivate const string T{i} = \"{k[0].Rest}\";\npublic const string C{i} = H{i} + T{i};"),
            Site("ReadonlyFromPieces", (i, k) => $"private const string H{i} = \"{k[0].Head}\";\nprivate const string T{i} = \"{k[0].Rest}\";\npublic static readonly string C{i} = H{i} + T{i};"),
            Site("SharedPiece", (i, k) => $"private const string S{i} = \"{k[0].Head}\";\npublic const string A{i} = S{i} + \"{k[0].Rest}\";\npublic const string B{i} = S{i} + \"{k[1].Rest}\";", Fate.Fixed, Fate.Fixed),
            Site("SplitOverTwoLines", (i, k) => $"public const string M{i} = \"{k[0].Head}\"\n    + \"{k[0].Rest}\";"),
            Site("Local", (i, k) => $"public static string L{i}()\n{{\n    string key = \"{k[0].Key}\";\n    return key;\n}}"),
            Site("ConstLocalPieces", (i, k) => $"public static string P{i}()\n{{\n    const string head = \"{k[0].Head}\";\n    const string key = head + \"{k[0].Rest}\";\n    return key;\n}}"),
            Site("Argument", (i, k) => $"public static string A{i}() => string.Concat(\"{k[0].Key}\", \"!\");"),
            Site("Interpolated", (i, k) => $"public static string I{i}(int n) => $\"key={k[0].Key};n={{n}}\";"),
            Site("Utf8", (i, k) => $"public static int U{i}()\n{{\n    ReadOnlySpan<byte> bytes = \"{k[0].Key}\"u8;\n    return bytes.Length;\n}}"),
            Site("ReadByTwoMembers", (i, k) => $"private const string K{i} = \"{k[0].Key}\";\npublic static int K{i}Length => K{i}.Length;\npublic static string K{i}Header() => \"x\" + K{i};"),
            Site("InstanceMethod", (i, k) => $"public string M{i}() => \"{k[0].Key}\";"),
            Site("IfDebug", (i, k) => $"#if DEBUG\npublic static string D{i}() => \"{k[0].Key}\";\n#else\npublic static string D{i}() => \"{k[1].Key}\";\n#endif", Fate.Fixed, Fate.Disabled),
            Site("AttributeArgument", (i, k) => $"[Description(\"{k[0].Key}\")]\npublic static int At{i}() => 0;", Fate.Left),
            Site("CaseLabel", (i, k) => $"public static bool Cl{i}(string value)\n{{\n    switch (value)\n    {{\n        case \"{k[0].Key}\":\n            return true;\n        default:\n            return false;\n    }}\n}}", Fate.Left),
            Site("DefaultValue", (i, k) => $"public static string Dv{i}(string key = \"{k[0].Key}\") => key;", Fate.Left),
            Site("ConstAnAttributeNeeds", (i, k) => $"public const string N{i} = \"{k[0].Key}\";\n[Description(N{i})]\npublic static int Nu{i}() => 0;", Fate.Left),

            // The same key as the first one planted in the file (a fresh one if there is none yet).
            Site("SameKeyAgain", (i, k) => $"public static string Again{i}() => \"{k[0].Key}\";"),
        };

        private static readonly Template[] UnrelatedTemplates =
        {
            Unrelated("Method", i => $"public static int Z{i}() => {i};"),
            Unrelated("CommentedField", i => $"// Nothing secret here ({i}).\nprivate static readonly int _z{i} = {i};\npublic static int Z{i}Value => _z{i};"),
            Unrelated("PlainText", i => $"public string Name{i} {{ get; }} = \"plain text {i}\";"),

            // A KL0007 credential (fixable), with no key in it.
            Unrelated("Bearer", i => $"public void Au{i}(System.Net.Http.HttpClient client)\n    => client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(\"Bearer\", \"placeholder-token-{i}\");"),
        };

        private static readonly Template[] Templates = KeyTemplates.Concat(UnrelatedTemplates).ToArray();

        /// <summary>What one iteration draws: the members (template and key kind each), an IConfiguration field or not, the strategy, a seed.</summary>
        private sealed record Draw((int Template, int Kind)[] Members, bool ConfigurationField, bool UseConfiguration, int Seed)
        {
            public override string ToString()
                => "[" + string.Join(", ", Members.Select(m => Templates[m.Template].Name + (Templates[m.Template].Fates.Length > 0 ? "(" + KeyKinds.All[m.Kind] + ")" : string.Empty))) + "]"
                    + (ConfigurationField ? " with an IConfiguration field" : " without IConfiguration")
                    + (UseConfiguration ? ", Fix All UseConfiguration" : ", Fix All UseEnvironmentVariable")
                    + ", key seeds from " + (Seed * 64);
        }

        private static readonly Gen<(int, int)> GenMember = Gen.Select(
            Gen.Frequency((4, Gen.Int[0, KeyTemplates.Length - 1]), (1, Gen.Int[KeyTemplates.Length, Templates.Length - 1])),
            Gen.Int[0, KeyKinds.All.Length - 1]);

        private static readonly Gen<Draw> GenDraw = Gen.Select(
            GenMember.Array[1, 9],
            Gen.Bool,
            Gen.Bool,
            Gen.Int[1, 1_000_000],
            (members, configurationField, useConfiguration, seed) => new Draw(members, configurationField, useConfiguration, seed));

        [Fact]
        public async Task FixAllInDocument_OverRandomSites_ShouldNotThrowAndCompileCleanAndLeaveOnlyUnfixableKeys()
        {
            await GenDraw.SampleAsync(CheckAsync, iter: 40, print: draw => draw.ToString());
        }

        /// <summary>The generator itself: every template's input compiles clean and every key is reported where it was planted.</summary>
        [Fact]
        public async Task EveryTemplate_ShouldCompileCleanAndBeReported()
        {
            var members = Enumerable.Range(0, Templates.Length).Select(t => (t, t % KeyKinds.All.Length)).ToArray();
            (string source, List<Planted> planted) = Write(new Draw(members, ConfigurationField: true, UseConfiguration: false, Seed: 7));
            Document document = ReliabilityHarness.CreateDocument(source, preprocessorSymbols: new[] { "DEBUG" }, filePath: "/src/Generated.cs");
            Assert.Empty(await CompilerProblemsAsync(document.Project));
            ReliabilityHarness.AnalysisResult analysis = await ReliabilityHarness.AnalyzeAsync(document);
            Assert.Empty(analysis.Exceptions);
            List<string> expected = planted.Select(p => p.Label).Append("KL0007 Bearer").OrderBy(s => s, StringComparer.Ordinal).ToList();
            Assert.Equal(expected, Reported(analysis.KeyLint, planted).OrderBy(s => s, StringComparer.Ordinal).ToList());
        }

        private static async Task CheckAsync(Draw draw)
        {
            (string source, List<Planted> planted) = Write(draw);
            Document document = ReliabilityHarness.CreateDocument(source, preprocessorSymbols: new[] { "DEBUG" }, filePath: "/src/Generated.cs");
            List<string> before = await CompilerProblemsAsync(document.Project);
            Assert.True(before.Count == 0, "the generated input does not compile clean: " + string.Join("; ", before));
            ReliabilityHarness.AnalysisResult analysis = await ReliabilityHarness.AnalyzeAsync(document);
            Assert.Empty(analysis.Exceptions);

            string equivalenceKey = draw.UseConfiguration ? HardcodedOpenAIKeyCodeFixProvider.UseConfigurationKey : HardcodedOpenAIKeyCodeFixProvider.UseEnvironmentVariableKey;
            Solution? fixedSolution;
            try
            {
                fixedSolution = await FixAllAsync(document, FixAllScope.Document, equivalenceKey, analysis.Diagnostics);
            }
            catch (Exception exception)
            {
                throw new Xunit.Sdk.XunitException("Fix All in Document threw " + Safe(ReliabilityHarness.Describe(exception, 4)));
            }

            // Null when there is nothing Fix All can act on: then the file is checked as it is.
            Project project = (fixedSolution ?? document.Project.Solution).GetProject(document.Project.Id)!;
            var failures = new List<string>();
            failures.AddRange((await CompilerProblemsAsync(project)).Select(p => "compiler: " + p));
            // KL0008's Fix All redacts the Azure keys in disabled code: the one change it may make to comments and directives.
            string redacted = planted.Where(p => p.Fate == Fate.Disabled && p.GoneAfterFixAll).Aggregate(source, (text, p) => text.Replace(p.Key, p.Redacted, StringComparison.Ordinal));
            Document expectedTrivia = document.WithText(Microsoft.CodeAnalysis.Text.SourceText.From(redacted));
            await CompareCommentsAndDirectivesAsync("comments and directives", expectedTrivia, project.Documents.Single(), failures);

            ReliabilityHarness.AnalysisResult after = await ReliabilityHarness.AnalyzeAsync(project.Documents.Single());
            failures.AddRange(after.Exceptions.Select(e => "analyzer threw " + Safe(ReliabilityHarness.Describe(e, 3))));
            List<string> left = Reported(after.KeyLint, planted);
            List<string> expected = planted.Where(p => !p.GoneAfterFixAll).Select(p => p.Label).ToList();
            foreach (string extra in Minus(left, expected))
            {
                failures.Add("left, but a fix exists: " + extra + " (" + string.Join(", ", planted.Where(p => extra.EndsWith(p.Redacted, StringComparison.Ordinal)).Select(p => p.Template)) + ")");
            }

            foreach (string missing in Minus(expected, left))
            {
                failures.Add("gone, but no fix can reach it: " + missing);
            }

            if (failures.Count > 0)
            {
                throw new Xunit.Sdk.XunitException(failures.Count + " failures:\n" + string.Join("\n", failures));
            }
        }

        /// <summary>Each diagnostic as "KL0005 &lt;redacted key&gt;", "code &lt;redacted key&gt;", or its ID for one that names no planted key.</summary>
        private static List<string> Reported(IEnumerable<Diagnostic> diagnostics, List<Planted> planted)
        {
            var reported = new List<string>();
            foreach (Diagnostic diagnostic in diagnostics)
            {
                string message = diagnostic.GetMessage();
                Planted? key = planted.FirstOrDefault(p => message.Contains(p.Redacted, StringComparison.Ordinal));
                reported.Add(key is null
                    ? diagnostic.Id + (diagnostic.Id == "KL0007" ? " Bearer" : " " + Safe(message))
                    : (diagnostic.Id == "KL0005" ? "KL0005 " : "code ") + key.Redacted);
            }

            return reported;
        }

        /// <summary>The file a draw describes, and each key planted in it with its fate.</summary>
        private static (string Source, List<Planted> Planted) Write(Draw draw)
        {
            var planted = new List<Planted>();
            var members = new List<string>();
            int seed = draw.Seed * 64;
            if (draw.ConfigurationField)
            {
                members.Add("private readonly IConfiguration _configuration;\n\npublic Holder(IConfiguration configuration) => _configuration = configuration;\n\npublic string? Other() => _configuration[\"Other\"];");
            }

            for (int i = 0; i < draw.Members.Length; i++)
            {
                Template template = Templates[draw.Members[i].Template];
                string kind = KeyKinds.All[draw.Members[i].Kind];
                Planted[] keys = template.Fates
                    .Select(fate => template.Name == "SameKeyAgain" && planted.Count > 0
                        ? planted[0] with { Fate = fate, Template = template.Name }
                        : new Planted(KeyKinds.Key(kind, seed++), kind, fate, template.Name))
                    .ToArray();
                planted.AddRange(keys);
                members.Add(template.Write(i, keys));
            }

            var source = new StringBuilder();
            source.Append("using System;\nusing System.ComponentModel;\nusing Microsoft.Extensions.Configuration;\n\nnamespace Generated\n{\n    public sealed class Holder\n    {\n");
            source.Append(string.Join("\n\n", members.Select(Indent)));
            source.Append("\n    }\n}\n");
            return (source.ToString(), planted);
        }

        /// <summary>Two levels of indentation, except for preprocessor directives, which stay at the margin.</summary>
        private static string Indent(string member)
            => string.Join("\n", member.Split('\n').Select(line => line.StartsWith("#", StringComparison.Ordinal) || line.Length == 0 ? line : "        " + line));

        private static List<string> Minus(IEnumerable<string> left, IEnumerable<string> right)
        {
            var remaining = new List<string>(right);
            return left.Where(line => !remaining.Remove(line)).ToList();
        }
    }
}
