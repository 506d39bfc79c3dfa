using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KeyLint.CodeFixes
{
    /// <summary>The documents of a Fix All's scope, in path order, and the diagnostics it asks to fix in each.</summary>
    internal static class FixAllDocuments
    {
        public static IEnumerable<FixAllScope> SupportedScopes { get; } = new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public static async Task<(Document[] InScope, List<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> Work)> CollectAsync(FixAllContext fixAllContext)
        {
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

            return (inScope, work);
        }
    }
}
