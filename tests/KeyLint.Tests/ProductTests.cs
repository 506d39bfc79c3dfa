using System;
using System.Collections.Generic;
using System.Composition;
using System.IO;
using System.Linq;
using System.Reflection;
using KeyLint.Analyzers;
using KeyLint.CodeFixes;
using KeyLint.Scanning;
using KeyLint.Tests.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Tests
{
    /// <summary>
    /// The product as a whole, by reflection: every rule has a unique ID, a stable help link and a
    /// doc page; every option is documented; every fixer is exported and fixes a real rule.
    /// </summary>
    public class ProductTests
    {
        private static readonly Assembly AnalyzersAssembly = typeof(HardcodedOpenAIKeyAnalyzer).Assembly;
        private static readonly Assembly CodeFixesAssembly = typeof(HardcodedOpenAIKeyCodeFixProvider).Assembly;

        private static IEnumerable<DiagnosticAnalyzer> Analyzers()
            => AnalyzersAssembly.GetTypes()
                .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

        private static DiagnosticDescriptor[] Descriptors()
            => Analyzers().SelectMany(a => a.SupportedDiagnostics).ToArray();

        private static string Docs(string id) => Path.Combine(SampleKeysTests.RepositoryRoot(), "docs", "rules", id + ".md");

        [Fact]
        public void EveryAnalyzer_ShouldBeExportedForCSharpAndSealed()
        {
            foreach (DiagnosticAnalyzer analyzer in Analyzers())
            {
                Type type = analyzer.GetType();
                Assert.True(type.IsSealed, type.Name + " is not sealed");
                DiagnosticAnalyzerAttribute attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>()!;
                Assert.Equal(new[] { LanguageNames.CSharp }, attribute.Languages);
            }
        }

        [Fact]
        public void RuleIds_ShouldBeUniqueAndAllKnown()
        {
            // One descriptor may be reported by several analyzers (KL0008: in code and in configuration
            // files); two different descriptors never share an ID.
            DiagnosticDescriptor[] descriptors = Descriptors().Distinct().ToArray();
            string[] ids = descriptors.Select(d => d.Id).ToArray();
            Assert.Equal(ids.Distinct().Count(), ids.Length);
            Assert.Equal(new[] { "KL0001", "KL0002", "KL0003", "KL0004", "KL0005", "KL0006", "KL0007", "KL0008", "KL0009", "KL0900" }, ids.OrderBy(i => i, StringComparer.Ordinal).ToArray());
        }

        [Fact]
        public void EveryDescriptor_ShouldHaveAHelpLinkAndADocPageTitledByItsIdAndTitle()
        {
            foreach (DiagnosticDescriptor descriptor in Descriptors())
            {
                Assert.Equal($"https://github.com/keylint/keylint/blob/main/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri);
                Assert.True(File.Exists(Docs(descriptor.Id)), "missing " + Docs(descriptor.Id));
                string firstLine = File.ReadLines(Docs(descriptor.Id)).First();
                Assert.Equal($"# {descriptor.Id}: {descriptor.Title}", firstLine);
                Assert.True(descriptor.IsEnabledByDefault);
            }
        }

        [Fact]
        public void EveryRule_ShouldBeInTheReadmeRulesTable()
        {
            string readme = File.ReadAllText(Path.Combine(SampleKeysTests.RepositoryRoot(), "README.md"));
            foreach (DiagnosticDescriptor descriptor in Descriptors())
            {
                Assert.Contains($"| [{descriptor.Id}](docs/rules/{descriptor.Id}.md) |", readme);
            }
        }

        [Fact]
        public void EveryFileKindSwitch_ShouldBeVisibleToTheAnalyzer_DefaultOn_AndDocumented()
        {
            string root = SampleKeysTests.RepositoryRoot();
            string props = File.ReadAllText(Path.Combine(root, "src", "KeyLint.Package", "build", "KeyLint.props"));
            string targets = File.ReadAllText(Path.Combine(root, "src", "KeyLint.Package", "build", "KeyLint.targets"));
            string readme = File.ReadAllText(Path.Combine(root, "README.md"));
            var kinds = Enum.GetValues(typeof(ProjectFileKind)).Cast<ProjectFileKind>().Where(k => k != ProjectFileKind.None).ToArray();
            Assert.Equal(11, kinds.Length);
            string[] visible = System.Text.RegularExpressions.Regex.Matches(props, "<CompilerVisibleProperty Include=\"([^\"]+)\"")
                .SelectMany(m => m.Groups[1].Value.Split(';')).ToArray();
            foreach (ProjectFileKind kind in kinds)
            {
                string property = ProjectFileKinds.SwitchProperty(kind);
                string page = File.ReadAllText(Docs(kind is ProjectFileKind.WebAsset or ProjectFileKind.RazorMarkup ? "KL0009" : "KL0006"));
                Assert.Contains($"<{property} Condition=\"'$({property})' == ''\">true</{property}>", props);
                Assert.Contains(property, visible);
                if (kind != ProjectFileKind.RazorMarkup)
                {
                    // Razor files reach the compiler through the Razor SDK: the package adds no glob for them.
                    Assert.Contains($"'$({property})' != 'false'", targets);
                }

                Assert.Contains("`" + property + "`", readme);
                Assert.Contains("`" + property + "`", page);
            }
        }

        [Fact]
        public void EveryOption_ShouldBeDocumentedInTheRulePagesThatUseIt()
        {
            foreach ((string name, _, _) in KeySettingNames.Options)
            {
                foreach (string id in PagesUsing(name))
                {
                    Assert.True(File.ReadAllText(Docs(id)).Contains(name, StringComparison.Ordinal), $"{name} is not documented in {id}.md");
                }
            }
        }

        /// <summary>
        /// The rule pages an option belongs on: those of the rules whose fixes write the name it sets,
        /// and KL0900, which validates every option. KL0001–KL0004 share one Fix All and one options
        /// table; the Azure names are written for Azure keys (KL0008) and for credentials of Azure
        /// OpenAI clients (KL0007); KL0007's other credentials take the plain OpenAI names. The test-code
        /// option is KL0007's alone.
        /// </summary>
        private static string[] PagesUsing(string option)
        {
            if (option == TestCode.Option)
            {
                // Only KL0007 reads it: KL0001–KL0006 and KL0008 report keys in tests too.
                return new[] { "KL0007", "KL0900" };
            }

            if (option == KeyInProjectFileAnalyzer.ScanFileOption)
            {
                // The file rules read it: KL0006, KL0008 (an Azure key in such a file) and KL0009.
                return new[] { "KL0006", "KL0008", "KL0009", "KL0900" };
            }

            string name = option.Substring("keylint.".Length);
            if (name.StartsWith("azure_", StringComparison.Ordinal))
            {
                return new[] { "KL0007", "KL0008", "KL0900" };
            }

            return name.StartsWith("admin_", StringComparison.Ordinal)
                ? new[] { "KL0001", "KL0002", "KL0003", "KL0004", "KL0900" }
                : new[] { "KL0001", "KL0002", "KL0003", "KL0004", "KL0007", "KL0900" };
        }

        [Fact]
        public void Docs_ShouldHoldNoKey()
        {
            string root = SampleKeysTests.RepositoryRoot();
            string[] files = new[] { Path.Combine(root, "README.md") }
                .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories))
                .ToArray();
            Assert.Contains(files, f => Path.GetFileName(f) == "KL0008.md");

            var found = new List<string>();
            foreach (string file in files)
            {
                string text = File.ReadAllText(file);
                foreach (KeyMatch match in KeyScanner.Find(text.AsSpan()))
                {
                    found.Add(Path.GetRelativePath(root, file) + ": " + KeyRedactor.Redact(text.AsSpan(match.Start, match.Length), match.PrefixLength));
                }
            }

            Assert.True(found.Count == 0, "keys in the docs (show them redacted, never whole):\n" + string.Join("\n", found));
        }

        [Fact]
        public void EveryCodeFix_ShouldBeExportedSharedAndFixARealRule()
        {
            HashSet<string> ids = Descriptors().Select(d => d.Id).ToHashSet();
            Type[] fixers = CodeFixesAssembly.GetTypes().Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract).ToArray();
            Assert.Equal(2, fixers.Length);
            foreach (Type type in fixers)
            {
                ExportCodeFixProviderAttribute export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>()!;
                Assert.Equal(new[] { LanguageNames.CSharp }, export.Languages);
                Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
                var fixer = (CodeFixProvider)Activator.CreateInstance(type)!;
                Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, ids));
                Assert.NotNull(fixer.GetFixAllProvider());
            }
        }

        [Fact]
        public void AnalyzersAssembly_ShouldNotReferenceWorkspaces()
        {
            string[] references = AnalyzersAssembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
            Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.CodeAnalysis.Workspaces", StringComparison.Ordinal));
            Assert.DoesNotContain(typeof(KeyLint.Scanning.KeyScanner).Assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        }

        [Fact]
        public void AnalyzerAssemblies_ShouldBeBuiltAgainstRoslyn48()
        {
            Version? roslyn = AnalyzersAssembly.GetReferencedAssemblies().Single(a => a.Name == "Microsoft.CodeAnalysis").Version;
            Assert.Equal(new Version(4, 8, 0, 0), roslyn);
            Version? workspaces = CodeFixesAssembly.GetReferencedAssemblies().Single(a => a.Name == "Microsoft.CodeAnalysis.Workspaces").Version;
            Assert.Equal(new Version(4, 8, 0, 0), workspaces);
        }
    }
}
