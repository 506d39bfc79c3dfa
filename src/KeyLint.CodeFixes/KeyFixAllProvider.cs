using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// Fix All for KL0001–KL0004 at document, project and solution scope.
    /// </summary>
    /// <remarks>
    /// Naming rule: within the scope, each distinct key value gets one setting — the first distinct
    /// key the base name (<c>OpenAI:ApiKey</c>), the next ones numbered (<c>OpenAI:ApiKey2</c>,
    /// <c>OPENAI_API_KEY_2</c>) in the order of file path and position, skipping names already
    /// written in the scope. The same key written twice reads the same setting; two different keys
    /// are never merged. Where "configuration" is asked for and no <c>IConfiguration</c> is in
    /// reach (or "Key Vault" and no <c>SecretClient</c>), the key is read from an environment variable
    /// instead, so Fix All leaves no key behind
    /// in any place that accepts a non-constant value.
    /// </remarks>
    internal sealed class KeyFixAllProvider : FixAllProvider
    {
        public static readonly KeyFixAllProvider Instance = new KeyFixAllProvider();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            KeySource requested = HardcodedOpenAIKeyCodeFixProvider.SourceOf(fixAllContext.CodeActionEquivalenceKey);

            IEnumerable<Document> documents = fixAllContext.Scope switch
            {
                FixAllScope.Document when fixAllContext.Document is not null => new[] { fixAllContext.Document },
                FixAllScope.Project => fixAllContext.Project.Documents,
                FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(p => p.Documents),
                _ => Array.Empty<Document>(),
            };

            Document[] inScope = documents.OrderBy(d => d.FilePath ?? d.Name, StringComparer.Ordinal).ToArray();
            var work = new List<(Document Document, ImmutableArray<Diagnostic> Diagnostics)>();
            foreach (Document document in inScope)
            {
                ImmutableArray<Diagnostic> diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                if (!diagnostics.IsEmpty)
                {
                    work.Add((document, diagnostics));
                }
            }

            if (work.Count == 0)
            {
                return null;
            }

            string title = requested switch
            {
                KeySource.Configuration => "Read every hardcoded OpenAI key from configuration (or the environment), then rotate the keys",
                KeySource.KeyVault => "Read every hardcoded OpenAI key from Azure Key Vault (or the environment), then rotate the keys",
                _ => "Read every hardcoded OpenAI key from environment variables, then rotate the keys",
            };
            ImmutableHashSet<string> ids = fixAllContext.DiagnosticIds;
            return CodeAction.Create(title, ct => FixAllAsync(fixAllContext.Solution, inScope, work, ids, requested, ct), fixAllContext.CodeActionEquivalenceKey);
        }

        private static async Task<Solution> FixAllAsync(
            Solution solution,
            Document[] inScope,
            List<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> work,
            ImmutableHashSet<string> ids,
            KeySource requested,
            CancellationToken cancellationToken)
        {
            // Names already written in the projects being fixed are taken, so a setting is never shared by accident.
            var projects = new HashSet<ProjectId>(work.Select(w => w.Document.Project.Id));
            var names = new SettingNameAssigner(await AllTextAsync(inScope.Where(d => projects.Contains(d.Project.Id)), cancellationToken).ConfigureAwait(false));

            // Names are given out in a first pass, in file and position order, so they do not depend on
            // which fixes succeed.
            foreach ((Document document, ImmutableArray<Diagnostic> diagnostics) in work)
            {
                SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                SemanticModel model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
                KeySettingNames settings = KeySettingNames.For(document.Project.AnalyzerOptions, root.SyntaxTree);
                foreach (Diagnostic diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
                {
                    string? key = KeyReplacement.FindKey(root, model, diagnostic, cancellationToken);
                    if (key is not null)
                    {
                        foreach (KeySource source in HardcodedOpenAIKeyCodeFixProvider.Sources)
                        {
                            names.Assign(key, source, HardcodedOpenAIKeyCodeFixProvider.Base(settings, source, diagnostic));
                        }
                    }
                }
            }

            foreach ((Document original, ImmutableArray<Diagnostic> diagnostics) in work)
            {
                Document document = solution.GetDocument(original.Id)!;
                document = await FixDocumentAsync(document, diagnostics.Length, ids, requested, names, cancellationToken).ConfigureAwait(false);
                solution = document.Project.Solution;
            }

            return solution;
        }

        /// <summary>
        /// Fixes a document's keys one at a time, from its end to its start, re-finding them after
        /// each fix: a fix can change the text around the next key (a const becoming readonly, a
        /// literal becoming interpolated). Keys that cannot be fixed stay, at the end of the list.
        /// </summary>
        private static async Task<Document> FixDocumentAsync(
            Document document, int expected, ImmutableHashSet<string> ids, KeySource requested, SettingNameAssigner names, CancellationToken cancellationToken)
        {
            int unfixable = 0;
            for (int attempt = 0; attempt < expected * 2 + 2; attempt++)
            {
                ImmutableArray<Diagnostic> current = await FindKeysAsync(document, ids, cancellationToken).ConfigureAwait(false);
                Diagnostic[] ordered = current.OrderByDescending(d => d.Location.SourceSpan.Start).ToArray();
                if (unfixable >= ordered.Length)
                {
                    break;
                }

                Diagnostic diagnostic = ordered[unfixable];
                SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                SemanticModel model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
                string? key = KeyReplacement.FindKey(root, model, diagnostic, cancellationToken);
                KeySettingNames settings = KeySettingNames.For(document.Project.AnalyzerOptions, root.SyntaxTree);

                Document? changed = null;
                foreach (KeySource source in requested == KeySource.EnvironmentVariable
                    ? new[] { KeySource.EnvironmentVariable }
                    : new[] { requested, KeySource.EnvironmentVariable })
                {
                    string baseName = HardcodedOpenAIKeyCodeFixProvider.Base(settings, source, diagnostic);
                    string name = key is null ? baseName : names.Assign(key, source, baseName);
                    changed = await KeyReplacement.TryReplaceAsync(document, diagnostic, source, name, cancellationToken).ConfigureAwait(false);
                    if (changed is not null)
                    {
                        break;
                    }
                }

                if (changed is null)
                {
                    unfixable++;
                }
                else
                {
                    document = changed;
                }
            }

            return document;
        }

        /// <summary>Runs KeyLint's analyzer on the document as it is now.</summary>
        private static async Task<ImmutableArray<Diagnostic>> FindKeysAsync(Document document, ImmutableHashSet<string> ids, CancellationToken cancellationToken)
        {
            SemanticModel model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
            CompilationWithAnalyzers withAnalyzers = model.Compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedOpenAIKeyAnalyzer(), new HardcodedCredentialAnalyzer()),
                new CompilationWithAnalyzersOptions(document.Project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            ImmutableArray<Diagnostic> syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(model.SyntaxTree, cancellationToken).ConfigureAwait(false);
            ImmutableArray<Diagnostic> semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken).ConfigureAwait(false);
            return syntax.AddRange(semantic).Where(d => ids.Contains(d.Id) && d.Location.SourceTree == model.SyntaxTree).ToImmutableArray();
        }

        private static async Task<string> AllTextAsync(IEnumerable<Document> documents, CancellationToken cancellationToken)
        {
            var builder = new System.Text.StringBuilder();
            foreach (Document document in documents)
            {
                builder.Append((await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString()).Append('\n');
            }

            return builder.ToString();
        }

        /// <summary>One setting name per distinct key value and base name, numbered, never one already in use.</summary>
        private sealed class SettingNameAssigner
        {
            private readonly string _existingText;
            private readonly Dictionary<(string Key, KeySource Source, string BaseName), string> _byKey = new();
            private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

            public SettingNameAssigner(string existingText) => _existingText = existingText;

            public string Assign(string key, KeySource source, string baseName)
            {
                if (_byKey.TryGetValue((key, source, baseName), out string? name))
                {
                    return name;
                }

                for (int number = 1; ; number++)
                {
                    string candidate = KeySettingNames.Numbered(baseName, number, HardcodedOpenAIKeyCodeFixProvider.NumberSeparator(source));
                    if (!_taken.Contains(candidate) && _existingText.IndexOf("\"" + candidate + "\"", StringComparison.Ordinal) < 0)
                    {
                        _taken.Add(candidate);
                        _byKey[(key, source, baseName)] = candidate;
                        return candidate;
                    }
                }
            }
        }
    }
}
