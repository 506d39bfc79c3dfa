using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.CodeFixes;
using KeyLint.Tests.Reliability;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace KeyLint.Tests.CodeFixes
{
    /// <summary>
    /// A small console project (five files) where every site a single key fix supports meets the
    /// others in the same files and classes: keys assembled from const pieces (issue 11), a piece
    /// shared by two keys, a const read by two members, both halves of a partial class, a const that
    /// must stay const beside one that need not, <c>#if DEBUG</c>/<c>#else</c>, fields, locals,
    /// arguments, interpolated strings, UTF-8 literals, a Bearer credential (KL0007), and the places
    /// no fix can reach (attribute argument, case label, default parameter value).
    /// </summary>
    /// <remarks>
    /// Every key is fake (<see cref="FakeKeys"/>, seeds 701–723). The project compiles with no
    /// warning, with <c>DEBUG</c> defined (as a Debug build does), and with nullable enabled.
    /// </remarks>
    internal static class CompositionProject
    {
        public static readonly string Combined0 = FakeKeys.ServiceAccount(701);
        public static readonly string Combined1 = FakeKeys.Admin(702);
        public static readonly string Combined2 = FakeKeys.Project(703);
        public static readonly string Combined3 = FakeKeys.Project(704, 58);
        public static readonly string Combined4 = FakeKeys.ProjectShort(705);
        public static readonly string Pinned = FakeKeys.Project(706);
        public static readonly string Loose = FakeKeys.Project(707);
        public static readonly string Shared = FakeKeys.Project(708);
        public static readonly string Field = FakeKeys.None(709);
        public static readonly string Local = FakeKeys.LegacyUser(710);
        public static readonly string Argument = FakeKeys.Project(711, 58);
        public static readonly string Interpolated = FakeKeys.ServiceAccount(712, 58);
        public static readonly string Utf8 = FakeKeys.Project(713);
        public static readonly string CaseLabel = FakeKeys.Project(714);
        public static readonly string DefaultValue = FakeKeys.LegacyUserLong(715);
        public static readonly string PartOne = FakeKeys.Project(716);
        public static readonly string PartTwo = FakeKeys.ServiceAccount(717);
        public static readonly string Debug = FakeKeys.Project(718);
        public static readonly string Release = FakeKeys.Project(719);
        public static readonly string TopLevel = FakeKeys.LegacyUserLong(720);
        public static readonly string AttributeArgument = FakeKeys.Admin(721);
        public static readonly string PartThree = FakeKeys.Project(722, 58);
        public static readonly string LocalPieces = FakeKeys.Admin(723);

        /// <summary>The project's files, in path order: Client.Part1, Client.Part2, Program, Service, SplitKeys.</summary>
        public static IReadOnlyList<(string Path, string Text)> Files() => new[]
        {
            ("/src/Client.Part1.cs", ClientPart1),
            ("/src/Client.Part2.cs", ClientPart2),
            ("/src/Program.cs", Program),
            ("/src/Service.cs", Service),
            ("/src/SplitKeys.cs", SplitKeys),
        };

        public static string FileName(string path) => path.Substring(path.LastIndexOf('/') + 1);

        /// <summary>
        /// The project as an <see cref="AdhocWorkspace"/> solution (via <see cref="ReliabilityHarness.CreateDocument"/>:
        /// .NET 10 reference assemblies, IConfiguration, nullable on, <c>DEBUG</c> defined); the document returned is the first file.
        /// </summary>
        public static Document Create(IReadOnlyList<(string Path, string Text)>? files = null)
        {
            files ??= Files();
            return ReliabilityHarness.CreateDocument(
                files[0].Text,
                OutputKind.ConsoleApplication,
                preprocessorSymbols: new[] { "DEBUG" },
                filePath: files[0].Path,
                otherDocuments: files.Skip(1));
        }

        /// <summary>
        /// Runs the fix provider's Fix All at <paramref name="scope"/> for KL0001–KL0004 and KL0007 with
        /// the diagnostics given, the way an IDE or <c>dotnet format</c> does; returns the changed
        /// solution, parsed again from its text (<see cref="ReparsedAsync"/>), or null when Fix All offers nothing.
        /// </summary>
        public static async Task<Solution?> FixAllAsync(Document document, FixAllScope scope, string equivalenceKey, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken = default)
        {
            var provider = new HardcodedOpenAIKeyCodeFixProvider();
            var diagnosticProvider = new ReliabilityHarness.FixedDiagnosticProvider(diagnostics);
            FixAllContext context = scope == FixAllScope.Document
                ? new FixAllContext(document, provider, scope, equivalenceKey, provider.FixableDiagnosticIds, diagnosticProvider, cancellationToken)
                : new FixAllContext(document.Project, provider, scope, equivalenceKey, provider.FixableDiagnosticIds, diagnosticProvider, cancellationToken);
            CodeAction? action = await provider.GetFixAllProvider()!.GetFixAsync(context).ConfigureAwait(false);
            if (action is null)
            {
                return null;
            }

            ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            return await ReparsedAsync(Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution).ConfigureAwait(false);
        }

        /// <summary>
        /// The solution with every document parsed again from its text, as a build of the files a fix
        /// wrote would see them. A fix's tree can differ from its own text: a preprocessor directive
        /// lost from the trivia (an <c>#if</c> left without its <c>#endif</c>) is an error only once
        /// the text is parsed.
        /// </summary>
        public static async Task<Solution> ReparsedAsync(Solution solution)
        {
            foreach (Project project in solution.Projects.ToArray())
            {
                foreach (Document document in project.Documents.ToArray())
                {
                    string text = (await document.GetTextAsync().ConfigureAwait(false)).ToString();
                    solution = solution.WithDocumentText(document.Id, Microsoft.CodeAnalysis.Text.SourceText.From(text));
                }
            }

            return solution;
        }

        /// <summary>
        /// The comments, directives and disabled text of a file, each trimmed, in order of text: a key
        /// fix keeps every one (a removed piece's comments move to what follows it).
        /// </summary>
        public static List<string> CommentsAndDirectives(SyntaxNode root)
            => root.DescendantTrivia()
                .Where(t => t.IsDirective
                    || t.IsKind(SyntaxKind.SingleLineCommentTrivia)
                    || t.IsKind(SyntaxKind.MultiLineCommentTrivia)
                    || t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)
                    || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)
                    || t.IsKind(SyntaxKind.DisabledTextTrivia))
                .Select(t => t.ToFullString().Trim())
                .OrderBy(t => t, StringComparer.Ordinal)
                .ToList();

        /// <summary>Adds a failure for each comment, directive or disabled text lost or added between two versions of a file.</summary>
        public static async Task CompareCommentsAndDirectivesAsync(string what, Document before, Document after, List<string> failures)
        {
            List<string> expected = CommentsAndDirectives((await before.GetSyntaxRootAsync().ConfigureAwait(false))!);
            List<string> actual = CommentsAndDirectives((await after.GetSyntaxRootAsync().ConfigureAwait(false))!);
            var remaining = new List<string>(actual);
            foreach (string trivia in expected.Where(t => !remaining.Remove(t)))
            {
                failures.Add(what + ": lost '" + Safe(trivia) + "'");
            }

            remaining = new List<string>(expected);
            foreach (string trivia in actual.Where(t => !remaining.Remove(t)))
            {
                failures.Add(what + ": added '" + Safe(trivia) + "'");
            }
        }

        /// <summary>The compiler's errors and warnings, as safe text (file, position, ID, message with keys redacted).</summary>
        public static async Task<List<string>> CompilerProblemsAsync(Project project)
        {
            Compilation compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
            return compilation.GetDiagnostics()
                .Where(d => d.Severity >= DiagnosticSeverity.Warning)
                .Select(d => Safe(d.ToString()))
                .OrderBy(d => d, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>
        /// Each KeyLint diagnostic of the project as "ID File: the line it is on", trimmed and redacted:
        /// an exact place that does not move when lines above it change.
        /// </summary>
        public static async Task<List<string>> KeyLintDiagnosticsAsync(Project project)
        {
            ReliabilityHarness.AnalysisResult analysis = await ReliabilityHarness.AnalyzeAsync(project.Documents.First()).ConfigureAwait(false);
            var lines = new List<string>();
            foreach (Exception exception in analysis.Exceptions)
            {
                lines.Add("analyzer threw " + Safe(ReliabilityHarness.Describe(exception)));
            }

            foreach (Diagnostic diagnostic in analysis.KeyLint)
            {
                lines.Add(Place(diagnostic));
            }

            lines.Sort(StringComparer.Ordinal);
            return lines;
        }

        /// <summary>"ID File: line" for a diagnostic (see <see cref="KeyLintDiagnosticsAsync"/>).</summary>
        public static string Place(Diagnostic diagnostic)
        {
            SyntaxTree tree = diagnostic.Location.SourceTree!;
            var line = tree.GetText().Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start);
            return Place(diagnostic.Id, tree.FilePath, line.ToString());
        }

        public static string Place(string id, string path, string line) => id + " " + FileName(path) + ": " + Safe(line.Trim());

        private static readonly Regex KeyPiece = new Regex("[A-Za-z0-9_-]*" + FakeKeys.Marker + "[A-Za-z0-9_-]*", RegexOptions.CultureInvariant);

        /// <summary>
        /// Text safe for a message: whole keys redacted (<see cref="ReliabilityHarness.RedactAll"/>), and
        /// any other run around the marker — the tail of a key kept in pieces — masked as well.
        /// </summary>
        public static string Safe(string? text)
            => KeyPiece.Replace(ReliabilityHarness.RedactAll(text), m => "[piece]" + FakeKeys.Ellipsis + m.Value.Substring(Math.Max(0, m.Value.Length - 4)));

        /// <summary>Adds a failure naming the first line where <paramref name="actual"/> differs from <paramref name="expected"/>, redacted.</summary>
        public static void CompareText(string what, string expected, string actual, List<string> failures)
        {
            if (string.Equals(expected, actual, StringComparison.Ordinal))
            {
                return;
            }

            string[] expectedLines = expected.Split('\n');
            string[] actualLines = actual.Split('\n');
            int line = 0;
            while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
            {
                line++;
            }

            string Line(string[] lines) => line < lines.Length ? "'" + Safe(lines[line]) + "'" : "(end of file)";
            failures.Add($"{what}, line {line + 1}: expected {Line(expectedLines)}, got {Line(actualLines)}");
        }

        /// <summary>Every key written out in the sources, with its name here (for messages: never the key).</summary>
        public static IReadOnlyList<(string Name, string Key)> SpelledOutKeys() => new[]
        {
            (nameof(Pinned), Pinned), (nameof(Loose), Loose), (nameof(Shared), Shared), (nameof(Field), Field), (nameof(Local), Local),
            (nameof(Argument), Argument), (nameof(Interpolated), Interpolated), (nameof(Utf8), Utf8), (nameof(CaseLabel), CaseLabel),
            (nameof(DefaultValue), DefaultValue), (nameof(PartOne), PartOne), (nameof(PartTwo), PartTwo), (nameof(Debug), Debug),
            (nameof(Release), Release), (nameof(TopLevel), TopLevel), (nameof(AttributeArgument), AttributeArgument), (nameof(PartThree), PartThree),
        };

        public static string ClientPart1 => $$"""
            using Microsoft.Extensions.Configuration;

            namespace Composition
            {
                /// <summary>One half of a partial class: it holds the configuration the other half can read.</summary>
                public partial class Client
                {
                    private readonly IConfiguration _settings;

                    public Client(IConfiguration settings) => _settings = settings;

                    public string First() => "{{PartOne}}";

                    public string? Existing() => _settings["OpenAI:ApiKey2"];
                }
            }
            """;

        public static string ClientPart2 => $$"""
            namespace Composition
            {
                /// <summary>The other half: keys in a field, in an instance method, and in both branches of #if DEBUG.</summary>
                public partial class Client
                {
                    private readonly string _second = "{{PartTwo}}";

                    public string Second() => _second;

                    public string Third() => "{{PartThree}}";

            #if DEBUG
                    public static string Mode() => "{{Debug}}";
            #else
                    public static string Mode() => "{{Release}}";
            #endif
                }
            }
            """;

        public static string Program => $$"""
            using System;
            using Composition;

            string key = "{{TopLevel}}";
            Console.WriteLine(key.Length);
            Console.WriteLine(Environment.GetEnvironmentVariable("OPENAI_API_KEY_4"));
            Console.WriteLine(SplitKeys.Combined0.Length + SplitKeys.Combined1.Length + SplitKeys.Describe());
            """;

        public static string Service => $$"""
            using System;
            using System.ComponentModel;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using Microsoft.Extensions.Configuration;

            namespace Composition
            {
                /// <summary>Keys in every position an expression can take, with IConfiguration in reach.</summary>
                public sealed class Service
                {
                    private const string Key = "{{Shared}}";

                    private readonly IConfiguration _configuration;
                    private readonly string _field = "{{Field}}";

                    public Service(IConfiguration configuration) => _configuration = configuration;

                    public int Length => Key.Length;

                    public string Header() => "Authorization: " + Key;

                    public static string Same() => "{{Shared}}";

                    public string Local()
                    {
                        string local = "{{Local}}";
                        return local + _field;
                    }

                    public string Argument() => string.Concat("{{Argument}}", "!");

                    public string Interpolated(int n) => $"key={{Interpolated}};n={n}";

                    public int Utf8()
                    {
                        ReadOnlySpan<byte> bytes = "{{Utf8}}"u8;
                        return bytes.Length;
                    }

                    public static string Pieces()
                    {
                        // An admin key in const local pieces.
                        const string head = "sk-admin-";
                        const string key = head + "{{LocalPieces.Substring(9)}}";
                        return key;
                    }

                    public void Authorize(HttpClient client)
                        => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "my-placeholder-token-123");

                    [Description("{{AttributeArgument}}")]
                    public static bool IsKnown(string value)
                    {
                        switch (value)
                        {
                            case "{{CaseLabel}}":
                                return true;
                            default:
                                return false;
                        }
                    }

                    public static string WithDefault(string key = "{{DefaultValue}}") => key;

                    public string Configured() => _configuration["Other"] ?? string.Empty;
                }
            }
            """;

        /// <summary>
        /// Issue 11's shape, several times over, with a piece shared by two keys, a const an attribute
        /// needs, and directives and comments on the pieces (they must stay when the pieces go).
        /// </summary>
        public static string SplitKeys => $$"""
            using System.ComponentModel;

            namespace Composition
            {
                public static class SplitKeys
                {
                    // Issue 11: a service-account key kept in const pieces.
                    private const string Head0 = "{{Combined0.Substring(0, 11)}}";
                    private const string Tail0 = "{{Combined0.Substring(11)}}";
                    public const string Combined0 = Head0 + Tail0;

            #if DEBUG
                    public const string Build = "debug";
            #else
                    public const string Build = "release";
            #endif
                    // An admin key, the same way, read by a static readonly field.
                    private const string Head1 = "{{Combined1.Substring(0, 9)}}";
                    private const string Tail1 = "{{Combined1.Substring(9)}}";
                    public static readonly string Combined1 = Head1 + Tail1;

                    public const string Combined2 = "sk-proj-"
                        + "{{Combined2.Substring(8)}}";

                    // A piece two keys share.
                    private const string SharedHead = "sk-proj-";
                    public const string Combined3 = SharedHead + "{{Combined3.Substring(8)}}";
                    public const string Combined4 = SharedHead + "{{Combined4.Substring(8)}}";

                    public const string Pinned = "{{Pinned}}";
                    public const string Loose = "{{Loose}}";

                    [Description(Pinned)]
                    public static int Describe() => Loose.Length + Combined2.Length + Combined3.Length + Combined4.Length;
                }
            }
            """;
    }
}
