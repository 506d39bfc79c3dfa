using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.CodeFixes;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Tests.Reliability
{
    /// <summary>
    /// Every rule and every fix, over keys of every kind in every place: nothing KeyLint produces —
    /// diagnostic messages, titles, descriptions, properties, code-action titles, exception
    /// messages — holds a whole key, and every key fix removes the key it was offered for.
    /// </summary>
    /// <remarks>
    /// The SARIF log of a real build is checked by
    /// <c>EndToEnd/PackageTests.ErrorLog_ShouldListTheResultsInSarif_WithNoWholeKey</c>; it is not
    /// repeated here. Assertion messages below name keys only in redacted form.
    /// </remarks>
    public class SecretHygieneTests
    {
        /// <summary>A key planted in the test sources, with the form it was made with.</summary>
        private sealed record Planted(string Form, string Key, string Place = "")
        {
            /// <summary>The last 30 characters: the marker and the second segment, unique per key.</summary>
            public string Tail => Key.Substring(Key.Length - 30);

            public override string ToString() => Form + " " + KeyRedactor.Redact(Key.AsSpan(), Key.IndexOf('-', 3) is int dash and > 0 and < 15 ? dash + 1 : 3);
        }

        private static readonly string[] Forms = KeyKinds.All.Concat(new[] { "NoneLong", "Project58", "Admin74", "ServiceAccount58" }).ToArray();

        private static string Make(string form, int seed) => form switch
        {
            "NoneLong" => FakeKeys.NoneLong(seed),
            "Project58" => FakeKeys.Project(seed, 58),
            "Admin74" => FakeKeys.Admin(seed, 74),
            "ServiceAccount58" => FakeKeys.ServiceAccount(seed, 58),
            _ => KeyKinds.Key(form, seed),
        };

        /// <summary>Keys of every form in every place the rules look: code, comments, directives, configuration files.</summary>
        private static (string Source, List<(string Path, string Text)> Files, List<Planted> Keys) Plant()
        {
            var keys = new List<Planted>();
            int seed = 900;
            Planted Next(string form, string place)
            {
                var planted = new Planted(form, Make(form, seed++), place);
                keys.Add(planted);
                return planted;
            }

            var source = new StringBuilder("using Microsoft.Extensions.Configuration;\n\nnamespace Hygiene\n{\n    public class C\n    {\n");
            source.Append("        private readonly IConfiguration _configuration;\n        private readonly Azure.Security.KeyVault.Secrets.SecretClient _secrets;\n");
            source.Append("        public C(IConfiguration configuration, Azure.Security.KeyVault.Secrets.SecretClient secrets) { _configuration = configuration; _secrets = secrets; }\n");
            source.Append("        public int N { get; set; }\n");
            var env = new StringBuilder();
            var json = new StringBuilder("{\n");
            int member = 0;
            foreach (string form in Forms)
            {
                Planted literal = Next(form, "literal"), comment = Next(form, "comment"), assembled = Next(form, "assembled"), escaped = Next(form, "escaped");
                Planted interpolated = Next(form, "interpolated"), verbatim = Next(form, "verbatim"), disabled = Next(form, "disabled"), region = Next(form, "region"), doc = Next(form, "doc");
                Planted inEnv = Next(form, ".env"), inJson = Next(form, "appsettings.json");
                source.Append("        // ").Append(comment.Key).Append('\n');
                source.Append("        public string L").Append(member).Append("() => \"").Append(literal.Key).Append("\";\n");
                source.Append("        public string A").Append(member).Append("() => \"").Append(assembled.Key, 0, 10).Append("\" + \"").Append(assembled.Key.Substring(10)).Append("\";\n");
                source.Append("        public string E").Append(member).Append("() => \"\\u").Append(((int)escaped.Key[0]).ToString("x4")).Append(escaped.Key.Substring(1)).Append("\";\n");
                source.Append("        public string I").Append(member).Append("() => $\"Bearer ").Append(interpolated.Key).Append(" {N}\";\n");
                source.Append("        public string V").Append(member).Append("() => @\"").Append(verbatim.Key).Append("\";\n");
                source.Append("#if NEVER\n        string D").Append(member).Append(" = \"").Append(disabled.Key).Append("\";\n#endif\n");
                source.Append("        #region ").Append(region.Key).Append("\n        #endregion\n");
                source.Append("        /// <summary>").Append(doc.Key).Append("</summary>\n        public int M").Append(member).Append(" => 1;\n");
                env.Append("KEY_").Append(member).Append('=').Append(inEnv.Key).Append('\n');
                json.Append("  \"Key").Append(member).Append("\": \"").Append(inJson.Key).Append("\",\n");
                member++;
            }

            // KL0007: credentials that are not whole keys, among them a shortened key.
            source.Append("        public OpenAI.OpenAIClient Client() => new OpenAI.OpenAIClient(\"sk-proj-shortened-in-a-hurry\");\n");
            source.Append("        public System.ClientModel.ApiKeyCredential Credential() => new System.ClientModel.ApiKeyCredential(\"0123456789abcdef0123456789abcdef\");\n");
            source.Append("    }\n}\n");
            json.Append("  \"End\": 1\n}\n");
            var files = new List<(string, string)>
            {
                ("/src/appsettings.json", json.ToString()),
                ("/src/.env", env.ToString()),
                ("/src/Properties/launchSettings.json", "{ \"profiles\": { \"app\": { \"environmentVariables\": { \"OPENAI_API_KEY\": \"" + Next("Project", "launchSettings.json").Key + "\" } } } }"),
            };
            return (source.ToString(), files, keys);
        }

        /// <summary>Fails, naming the key redacted and the place, if <paramref name="text"/> holds a whole key.</summary>
        private static void AssertNoWholeKey(string text, IEnumerable<Planted> keys, string what, List<string> failures)
        {
            foreach (Planted planted in keys)
            {
                if (text.Contains(planted.Key, StringComparison.Ordinal) || text.Contains(planted.Tail, StringComparison.Ordinal))
                {
                    failures.Add(what + " holds the key " + planted);
                }
            }

            if (KeyScanner.ContainsKey(text.AsSpan()))
            {
                failures.Add(what + " holds a key-shaped text");
            }
        }

        private static string Render(Diagnostic diagnostic)
        {
            DiagnosticDescriptor descriptor = diagnostic.Descriptor;
            return string.Join(
                "\n",
                diagnostic.ToString(),
                diagnostic.GetMessage(),
                diagnostic.GetMessage(CultureInfo.InvariantCulture),
                descriptor.Title.ToString(CultureInfo.InvariantCulture),
                descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture),
                descriptor.Description.ToString(CultureInfo.InvariantCulture),
                descriptor.HelpLinkUri,
                descriptor.Category,
                string.Join(",", descriptor.CustomTags),
                string.Join(";", diagnostic.Properties.Select(p => p.Key + "=" + p.Value)),
                string.Join(";", diagnostic.AdditionalLocations.Select(l => l.ToString())),
                diagnostic.Location.GetMappedLineSpan().Path);
        }

        [Fact]
        public async Task EveryRuleAndFix_OverKeysOfEveryKind_ShouldNeverShowAWholeKey()
        {
            (string source, List<(string Path, string Text)> files, List<Planted> keys) = Plant();
            Document document = ReliabilityHarness.CreateDocument(source, additionalFiles: files);
            ReliabilityHarness.AnalysisResult analysis = await ReliabilityHarness.AnalyzeAsync(document);
            var failures = new List<string>();

            // Every key is reported: in code, comments, directives and configuration files alike.
            Diagnostic[] keyLint = analysis.KeyLint.ToArray();
            Assert.Equal(keys.Count + 2, keyLint.Length);
            Assert.Equal(2, keyLint.Count(d => d.Id == "KL0007"));
            // An Azure key has one rule wherever it is (KL0008): its two configuration files are not KL0006.
            Assert.Equal(2 * (Forms.Length - 1) + 1, keyLint.Count(d => d.Id == "KL0006"));
            Assert.Equal(keys.Count(k => k.Form == "AzureOpenAI"), keyLint.Count(d => d.Id == "KL0008"));

            foreach (Exception exception in analysis.Exceptions)
            {
                failures.Add("analyzer exception " + exception.GetType().Name);
                AssertNoWholeKey(exception.ToString(), keys, "an analyzer exception", failures);
            }

            foreach (Diagnostic diagnostic in keyLint)
            {
                AssertNoWholeKey(Render(diagnostic), keys, diagnostic.Id + " at " + diagnostic.Location.GetLineSpan().StartLinePosition, failures);
            }

            SourceText text = await document.GetTextAsync();
            (List<ReliabilityHarness.OfferedFix> fixes, List<Exception> exceptions) = await ReliabilityHarness.RunFixesAsync(document, analysis.Diagnostics);
            foreach (Exception exception in exceptions)
            {
                failures.Add("fix exception " + exception.GetType().Name);
                AssertNoWholeKey(exception.ToString(), keys, "a fix exception", failures);
            }

            Assert.True(fixes.Count >= keys.Count, fixes.Count + " fixes");
            foreach (ReliabilityHarness.OfferedFix fix in fixes)
            {
                string where = fix.Diagnostic.Id + " at " + fix.Diagnostic.Location.GetLineSpan().StartLinePosition;
                AssertNoWholeKey(fix.Action.Title + "\n" + fix.Action.EquivalenceKey, keys, "the title of a fix for " + where, failures);
                if (fix.Diagnostic.Id == "KL0007")
                {
                    continue;
                }

                // The fix removes exactly the key it was offered for.
                string spanText = text.ToString(fix.Diagnostic.Location.SourceSpan);
                Planted[] target = keys.Where(k => spanText.Contains(k.Tail, StringComparison.Ordinal)).ToArray();
                Assert.True(target.Length == 1, where + " covers " + target.Length + " planted keys");
                Document changed = await ReliabilityHarness.ApplyAsync(document, fix.Action);
                string result = (await changed.GetTextAsync()).ToString();
                if (result.Contains(target[0].Tail, StringComparison.Ordinal))
                {
                    failures.Add("the fix '" + fix.Action.EquivalenceKey + "' for " + where + " left its key " + target[0] + " in the code");
                }
            }

            // Fix All: its titles, and what it leaves.
            var provider = new HardcodedOpenAIKeyCodeFixProvider();
            foreach (string equivalenceKey in new[] { HardcodedOpenAIKeyCodeFixProvider.UseConfigurationKey, HardcodedOpenAIKeyCodeFixProvider.UseKeyVaultKey, HardcodedOpenAIKeyCodeFixProvider.UseEnvironmentVariableKey })
            {
                var fixAllContext = new FixAllContext(
                    document,
                    provider,
                    FixAllScope.Document,
                    equivalenceKey,
                    provider.FixableDiagnosticIds,
                    new ReliabilityHarness.FixedDiagnosticProvider(analysis.Diagnostics),
                    default);
                CodeAction? fixAll = await provider.GetFixAllProvider()!.GetFixAsync(fixAllContext);
                Assert.NotNull(fixAll);
                AssertNoWholeKey(fixAll!.Title, keys, "the Fix All title for " + equivalenceKey, failures);
                ImmutableArray<CodeActionOperation> operations = await fixAll.GetOperationsAsync(default);
                Solution solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                string all = (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString();
                Planted[] left = keys.Where(k => all.Contains(k.Tail, StringComparison.Ordinal)).ToArray();

                // Only the OpenAI keys out of reach of KL0001–KL0004 fixes stay in the code: comments, directives,
                // disabled code. KL0008's Fix All redacts the Azure keys there too.
                Assert.Equal(new[] { "comment", "disabled", "doc", "region" }, left.Select(k => k.Place).Distinct().OrderBy(p => p, StringComparer.Ordinal));
                Assert.Equal(4 * (Forms.Length - 1), left.Length);
                Assert.DoesNotContain(left, k => k.Form == "AzureOpenAI");
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
        }

        /// <summary>Every descriptor's own texts: no key-shaped text, whatever the rule.</summary>
        [Fact]
        public void Descriptors_ShouldHoldNoKeyShapedText()
        {
            foreach (DiagnosticAnalyzer analyzer in ReliabilityHarness.AllAnalyzers)
            {
                foreach (DiagnosticDescriptor descriptor in analyzer.SupportedDiagnostics)
                {
                    string texts = descriptor.Title + "\n" + descriptor.MessageFormat + "\n" + descriptor.Description + "\n" + descriptor.HelpLinkUri;
                    Assert.False(KeyScanner.ContainsKey(texts.AsSpan()), descriptor.Id);
                    Assert.False(KeyScanner.ContainsMarker(texts.AsSpan()), descriptor.Id);
                }
            }
        }

        /// <summary>
        /// A key pasted as the value of a KeyLint option (easy to do: "environment_variable = sk-…")
        /// is invalid there, so KL0900 reports it — and its message repeats the value verbatim: the
        /// whole key goes to the build log and the SARIF file.
        /// </summary>
        [Fact]
        public async Task KeyPastedAsAnOptionValue_ShouldNotAppearWholeInKL0900()
        {
            var failures = new List<string>();
            foreach (string form in Forms)
            {
                var planted = new Planted(form, Make(form, 990));
                string editorConfig = "root = true\n[*.cs]\nkeylint.environment_variable = " + planted.Key + "\nkeylint.admin_environment_variable = " + planted.Key + "\n";
                Document document = ReliabilityHarness.CreateDocument("class C { }", editorConfig: editorConfig);
                ReliabilityHarness.AnalysisResult analysis = await ReliabilityHarness.AnalyzeAsync(document);
                Assert.Equal(2, analysis.KeyLint.Count(d => d.Id == RuleIdentifiers.InvalidOption));
                foreach (Diagnostic diagnostic in analysis.KeyLint)
                {
                    AssertNoWholeKey(Render(diagnostic), new[] { planted }, "KL0900", failures);
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
        }

        /// <summary>
        /// A key pasted as keylint.configuration_key or keylint.key_vault_secret_name is a valid name
        /// there (letters, digits, '-', '_'), so the fixes use it: their titles show the whole key, and
        /// the fixed code writes it as the setting's name.
        /// </summary>
        [Fact]
        public async Task KeyPastedAsASettingName_ShouldNotAppearWholeInFixTitles()
        {
            var failures = new List<string>();
            foreach (string form in new[] { "ProjectShort", "LegacyUser", "None", "NamedService" })
            {
                var planted = new Planted(form, Make(form, 991));
                string code = FakeKeys.Project(992);
                string editorConfig = "root = true\n[*.cs]\nkeylint.configuration_key = " + planted.Key + "\nkeylint.key_vault_secret_name = " + planted.Key + "\n";
                string source = "class C\n{\n    private readonly Microsoft.Extensions.Configuration.IConfiguration _configuration;\n    private readonly Azure.Security.KeyVault.Secrets.SecretClient _secrets;\n"
                    + "    public C(Microsoft.Extensions.Configuration.IConfiguration configuration, Azure.Security.KeyVault.Secrets.SecretClient secrets) { _configuration = configuration; _secrets = secrets; }\n"
                    + "    public string Key() => \"" + code + "\";\n}\n";
                Document document = ReliabilityHarness.CreateDocument(source, editorConfig: editorConfig);
                ReliabilityHarness.AnalysisResult analysis = await ReliabilityHarness.AnalyzeAsync(document);
                (List<ReliabilityHarness.OfferedFix> fixes, _) = await ReliabilityHarness.RunFixesAsync(document, analysis.Diagnostics);
                Assert.Equal(3, fixes.Count);
                foreach (ReliabilityHarness.OfferedFix fix in fixes)
                {
                    AssertNoWholeKey(fix.Action.Title, new[] { planted }, "the title of '" + fix.Action.EquivalenceKey + "'", failures);
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
        }
    }
}
