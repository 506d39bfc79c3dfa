using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using KeyLint.CodeFixes;
using KeyLint.Tests.Reliability;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using static KeyLint.Tests.CodeFixes.CompositionProject;

namespace KeyLint.Tests.CodeFixes
{
    /// <summary>
    /// One Fix All in Solution over <see cref="CompositionProject"/>, where every site a single fix
    /// supports meets the others in the same files and classes (issue 11: keys kept in const pieces).
    /// Fix All must not throw; the result compiles with no error or warning (the input has none);
    /// exactly the keys no fix can reach are left (attribute argument, case label, default parameter
    /// value, a const an attribute needs, and the disabled <c>#else</c> branch, which is KL0005's);
    /// and every file reads exactly as the single fixes write it.
    /// </summary>
    /// <remarks>
    /// Setting names: one per distinct key in the Fix All scope, given in file path and position
    /// order — the base name for the first, then <c>NAME_2</c>, <c>NAME_3</c>… (<c>Name2</c>… for
    /// configuration), numbered per base name (admin keys have their own), skipping names already
    /// written in the scope's code. Every key the Fix All is given counts, the unfixable ones too,
    /// so names do not depend on which fixes succeed. The same key written twice reads the same
    /// setting. Here: Program.cs already reads <c>OPENAI_API_KEY_4</c> and Client.Part1.cs
    /// <c>OpenAI:ApiKey2</c>, so each numbering skips a different number.
    /// </remarks>
    public class FixAllCompositionTests
    {
        [Fact]
        public async Task Input_ShouldCompileCleanAndHoldEverySite()
        {
            Document document = Create();
            Assert.Empty(await CompilerProblemsAsync(document.Project));
            Assert.Equal(ExpectedBeforeFix(), await KeyLintDiagnosticsAsync(document.Project));
        }

        [Fact]
        public Task FixAllInSolution_UseEnvironmentVariable_ShouldFixEveryFixableKeyAndCompileClean()
            => VerifyFixAllAsync(HardcodedOpenAIKeyCodeFixProvider.UseEnvironmentVariableKey, configuration: false);

        /// <summary>
        /// Configuration where an <c>IConfiguration</c> is in reach (instance members of Service and of
        /// both halves of Client), the environment elsewhere (static members, field initialisers, top-level code).
        /// </summary>
        [Fact]
        public Task FixAllInSolution_UseConfiguration_ShouldReadConfigurationWhereInReachAndTheEnvironmentElsewhere()
            => VerifyFixAllAsync(HardcodedOpenAIKeyCodeFixProvider.UseConfigurationKey, configuration: true);

        /// <summary>
        /// The same key, once where an <c>IConfiguration</c> is in reach and once where it is not
        /// (a static field): "the same key written twice reads the same setting", so both read the
        /// environment variable rather than one setting each.
        /// </summary>
        [Fact]
        public async Task FixAllInSolution_UseConfiguration_SameKeyInStaticAndInstanceCode_ShouldReadOneSetting()
        {
            string key = FakeKeys.Project(730);
            string source = $$"""
                using Microsoft.Extensions.Configuration;

                namespace Composition
                {
                    public sealed class Holder
                    {
                        private static readonly string Fallback = "{{key}}";
                        private readonly IConfiguration _configuration;

                        public Holder(IConfiguration configuration) => _configuration = configuration;

                        public static int Length => Fallback.Length;

                        public string Read() => "{{key}}";
                    }
                }
                """;
            string expected = $$"""
                using System;
                using Microsoft.Extensions.Configuration;

                namespace Composition
                {
                    public sealed class Holder
                    {
                        private static readonly string Fallback = {{EnvOrThrow("OPENAI_API_KEY")}};
                        private readonly IConfiguration _configuration;

                        public Holder(IConfiguration configuration) => _configuration = configuration;

                        public static int Length => Fallback.Length;

                        public string Read() => {{EnvOrThrow("OPENAI_API_KEY")}};
                    }
                }
                """;
            Document document = ReliabilityHarness.CreateDocument(source, filePath: "/src/Holder.cs");
            ReliabilityHarness.AnalysisResult analysis = await ReliabilityHarness.AnalyzeAsync(document);
            Solution? fixedSolution = await FixAllAsync(document, FixAllScope.Solution, HardcodedOpenAIKeyCodeFixProvider.UseConfigurationKey, analysis.Diagnostics);
            Assert.NotNull(fixedSolution);
            var failures = new List<string>();
            CompareText("Holder.cs", expected, (await fixedSolution!.GetDocument(document.Id)!.GetTextAsync()).ToString(), failures);
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        private static async Task VerifyFixAllAsync(string equivalenceKey, bool configuration)
        {
            Document document = Create();
            Assert.Empty(await CompilerProblemsAsync(document.Project));
            ReliabilityHarness.AnalysisResult analysis = await ReliabilityHarness.AnalyzeAsync(document);
            Assert.Empty(analysis.Exceptions);

            Solution? fixedSolution;
            try
            {
                fixedSolution = await FixAllAsync(document, FixAllScope.Solution, equivalenceKey, analysis.Diagnostics);
            }
            catch (Exception exception)
            {
                // Every other check needs the fixed solution: fail here, with the exception told safely.
                Assert.Fail("Fix All in Solution threw " + Safe(ReliabilityHarness.Describe(exception)));
                return;
            }

            Assert.NotNull(fixedSolution);
            Project project = fixedSolution!.GetProject(document.Project.Id)!;
            var failures = new List<string>();

            // No new error or warning: the input has none, so the output may have none.
            failures.AddRange((await CompilerProblemsAsync(project)).Select(p => "compiler: " + p));

            // Exactly the keys no fix can reach are left.
            List<string> left = await KeyLintDiagnosticsAsync(project);
            List<string> expectedLeft = ExpectedLeft();
            failures.AddRange(left.Except(expectedLeft).Select(l => "left, but a fix exists: " + l));
            failures.AddRange(expectedLeft.Except(left).Select(l => "gone, but no fix can reach it: " + l));

            // Every file exactly as the single fixes write it.
            foreach ((string path, string text) in ExpectedFiles(configuration))
            {
                Document changed = project.Documents.Single(d => d.FilePath == path);
                CompareText(FileName(path), text, (await changed.GetTextAsync()).ToString(), failures);
            }

            Assert.True(failures.Count == 0, failures.Count + " failures:\n" + string.Join("\n", failures));
        }

        /// <summary>What the analyzers report on the input: one line per key, as <see cref="CompositionProject.Place(Diagnostic)"/> writes it.</summary>
        private static List<string> ExpectedBeforeFix()
        {
            var expected = new List<string>
            {
                Place("KL0001", "Client.Part1.cs", $"public string First() => \"{PartOne}\";"),
                Place("KL0002", "Client.Part2.cs", $"private readonly string _second = \"{PartTwo}\";"),
                Place("KL0001", "Client.Part2.cs", $"public string Third() => \"{PartThree}\";"),
                Place("KL0001", "Client.Part2.cs", $"public static string Mode() => \"{Debug}\";"),
                Place("KL0004", "Program.cs", $"string key = \"{TopLevel}\";"),
                Place("KL0001", "Service.cs", $"private const string Key = \"{Shared}\";"),
                Place("KL0004", "Service.cs", $"private readonly string _field = \"{Field}\";"),
                Place("KL0001", "Service.cs", $"public static string Same() => \"{Shared}\";"),
                Place("KL0004", "Service.cs", $"string local = \"{Local}\";"),
                Place("KL0001", "Service.cs", $"public string Argument() => string.Concat(\"{Argument}\", \"!\");"),
                Place("KL0002", "Service.cs", $"public string Interpolated(int n) => $\"key={Interpolated};n={{n}}\";"),
                Place("KL0001", "Service.cs", $"ReadOnlySpan<byte> bytes = \"{Utf8}\"u8;"),
                Place("KL0003", "Service.cs", $"const string key = head + \"{LocalPieces.Substring(9)}\";"),
                Place("KL0007", "Service.cs", "=> client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", \"my-placeholder-token-123\");"),
                Place("KL0002", "SplitKeys.cs", "public const string Combined0 = Head0 + Tail0;"),
                Place("KL0003", "SplitKeys.cs", "public static readonly string Combined1 = Head1 + Tail1;"),
                Place("KL0001", "SplitKeys.cs", "public const string Combined2 = \"sk-proj-\""),
                Place("KL0001", "SplitKeys.cs", $"public const string Combined3 = SharedHead + \"{Combined3.Substring(8)}\";"),
                Place("KL0001", "SplitKeys.cs", $"public const string Combined4 = SharedHead + \"{Combined4.Substring(8)}\";"),
                Place("KL0001", "SplitKeys.cs", $"public const string Loose = \"{Loose}\";"),
            };
            expected.AddRange(ExpectedLeft());
            expected.Sort(StringComparer.Ordinal);
            return expected;
        }

        /// <summary>The keys no fix can reach: they stay, with their diagnostics.</summary>
        private static List<string> ExpectedLeft()
        {
            var left = new List<string>
            {
                Place("KL0005", "Client.Part2.cs", $"public static string Mode() => \"{Release}\";"),
                Place("KL0003", "Service.cs", $"[Description(\"{AttributeArgument}\")]"),
                Place("KL0001", "Service.cs", $"case \"{CaseLabel}\":"),
                Place("KL0004", "Service.cs", $"public static string WithDefault(string key = \"{DefaultValue}\") => key;"),
                Place("KL0001", "SplitKeys.cs", $"public const string Pinned = \"{Pinned}\";"),
            };
            left.Sort(StringComparer.Ordinal);
            return left;
        }

        private static string Env(string name) => $"Environment.GetEnvironmentVariable(\"{name}\")";

        private static string EnvOrThrow(string name) => Env(name) + $" ?? throw new InvalidOperationException(\"The environment variable {name} is not set.\")";

        private static string ConfigOrThrow(string receiver, string name) => $"{receiver}[\"{name}\"] ?? throw new InvalidOperationException(\"The configuration value '{name}' is not set.\")";

        /// <summary>
        /// The fixed files. Names (see the class remarks), in path and position order: PartOne 1,
        /// PartTwo 2 (configuration: 3, as OpenAI:ApiKey2 is taken), PartThree 3 (4), 4 taken in the
        /// environment, Debug 5, TopLevel 6, Shared 7 (both places), Field 8, Local 9, Argument 10,
        /// Interpolated 11, Utf8 12, LocalPieces admin 1, the Bearer credential 13, Attribute admin 2,
        /// CaseLabel 14, DefaultValue 15, Combined0 16, Combined1 admin 3, Combined2 17, Combined3 18,
        /// Combined4 19, Pinned 20, Loose 21.
        /// </summary>
        private static IReadOnlyList<(string Path, string Text)> ExpectedFiles(bool configuration)
        {
            string Read(string environmentVariable, string receiver, string configurationKey, bool orThrow)
                => configuration
                    ? (orThrow ? ConfigOrThrow(receiver, configurationKey) : $"{receiver}[\"{configurationKey}\"]")
                    : (orThrow ? EnvOrThrow(environmentVariable) : Env(environmentVariable));

            string clientPart1 = $$"""
                using System;
                using Microsoft.Extensions.Configuration;

                namespace Composition
                {
                    /// <summary>One half of a partial class: it holds the configuration the other half can read.</summary>
                    public partial class Client
                    {
                        private readonly IConfiguration _settings;

                        public Client(IConfiguration settings) => _settings = settings;

                        public string First() => {{Read("OPENAI_API_KEY", "_settings", "OpenAI:ApiKey", orThrow: true)}};

                        public string? Existing() => _settings["OpenAI:ApiKey2"];
                    }
                }
                """;

            // _second: a non-nullable field of a partial class whose constructor is in the other file.
            string clientPart2 = $$"""
                using System;

                namespace Composition
                {
                    /// <summary>The other half: keys in a field, in an instance method, and in both branches of #if DEBUG.</summary>
                    public partial class Client
                    {
                        private readonly string _second = {{EnvOrThrow("OPENAI_API_KEY_2")}};

                        public string Second() => _second;

                        public string Third() => {{Read("OPENAI_API_KEY_3", "_settings", "OpenAI:ApiKey4", orThrow: true)}};

                #if DEBUG
                        public static string Mode() => {{EnvOrThrow("OPENAI_API_KEY_5")}};
                #else
                        public static string Mode() => "{{Release}}";
                #endif
                    }
                }
                """;

            string program = $$"""
                using System;
                using Composition;

                string key = {{EnvOrThrow("OPENAI_API_KEY_6")}};
                Console.WriteLine(key.Length);
                Console.WriteLine(Environment.GetEnvironmentVariable("OPENAI_API_KEY_4"));
                Console.WriteLine(SplitKeys.Combined0.Length + SplitKeys.Combined1.Length + SplitKeys.Describe());
                """;

            string service = $$"""
                using System;
                using System.ComponentModel;
                using System.Net.Http;
                using System.Net.Http.Headers;
                using System.Text;
                using Microsoft.Extensions.Configuration;

                namespace Composition
                {
                    /// <summary>Keys in every position an expression can take, with IConfiguration in reach.</summary>
                    public sealed class Service
                    {
                        private static readonly string Key = {{EnvOrThrow("OPENAI_API_KEY_7")}};

                        private readonly IConfiguration _configuration;
                        private readonly string _field = {{EnvOrThrow("OPENAI_API_KEY_8")}};

                        public Service(IConfiguration configuration) => _configuration = configuration;

                        public int Length => Key.Length;

                        public string Header() => "Authorization: " + Key;

                        public static string Same() => {{EnvOrThrow("OPENAI_API_KEY_7")}};

                        public string Local()
                        {
                            string local = {{Read("OPENAI_API_KEY_9", "_configuration", "OpenAI:ApiKey9", orThrow: true)}};
                            return local + _field;
                        }

                        public string Argument() => string.Concat({{Read("OPENAI_API_KEY_10", "_configuration", "OpenAI:ApiKey10", orThrow: false)}}, "!");

                        public string Interpolated(int n) => $"key={{{Read("OPENAI_API_KEY_11", "_configuration", "OpenAI:ApiKey11", orThrow: false)}}};n={n}";

                        public int Utf8()
                        {
                            ReadOnlySpan<byte> bytes = Encoding.UTF8.GetBytes({{Read("OPENAI_API_KEY_12", "_configuration", "OpenAI:ApiKey12", orThrow: true)}});
                            return bytes.Length;
                        }

                        public static string Pieces()
                        {
                            // An admin key in const local pieces.
                            string key = {{EnvOrThrow("OPENAI_ADMIN_KEY")}};
                            return key;
                        }

                        public void Authorize(HttpClient client)
                            => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {{Read("OPENAI_API_KEY_13", "_configuration", "OpenAI:ApiKey13", orThrow: false)}});

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

            // Issue 11: each combined const becomes static readonly; the pieces only it read go, once,
            // and their comments and directives move to the member that follows (blank lines stay).
            string splitKeys = $$"""
                using System;
                using System.ComponentModel;

                namespace Composition
                {
                    public static class SplitKeys
                    {
                        // Issue 11: a service-account key kept in const pieces.
                        public static readonly string Combined0 = {{EnvOrThrow("OPENAI_API_KEY_16")}};

                #if DEBUG
                        public const string Build = "debug";
                #else
                        public const string Build = "release";
                #endif
                        // An admin key, the same way, read by a static readonly field.
                        public static readonly string Combined1 = {{EnvOrThrow("OPENAI_ADMIN_KEY_3")}};

                        public static readonly string Combined2 = {{EnvOrThrow("OPENAI_API_KEY_17")}};

                        // A piece two keys share.
                        public static readonly string Combined3 = {{EnvOrThrow("OPENAI_API_KEY_18")}};
                        public static readonly string Combined4 = {{EnvOrThrow("OPENAI_API_KEY_19")}};

                        public const string Pinned = "{{Pinned}}";
                        public static readonly string Loose = {{EnvOrThrow("OPENAI_API_KEY_21")}};

                        [Description(Pinned)]
                        public static int Describe() => Loose.Length + Combined2.Length + Combined3.Length + Combined4.Length;
                    }
                }
                """;

            return new[]
            {
                ("/src/Client.Part1.cs", clientPart1),
                ("/src/Client.Part2.cs", clientPart2),
                ("/src/Program.cs", program),
                ("/src/Service.cs", service),
                ("/src/SplitKeys.cs", splitKeys),
            };
        }
    }
}
