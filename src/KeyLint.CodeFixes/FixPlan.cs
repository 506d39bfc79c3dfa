using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// Everything a fix of one diagnostic needs to know, worked out once whatever the source the
    /// user picks: the site, the guards that rule a fix out, the pieces it may leave unused, the
    /// key's identity and the names' base. Planned against the document as it was analysed; Fix All
    /// plans every diagnostic of a document against the same original.
    /// </summary>
    internal sealed class FixPlan
    {
        private readonly SemanticModel _model;
        private readonly Dictionary<KeySource, IReadOnlyList<string?>> _receivers = new Dictionary<KeySource, IReadOnlyList<string?>>();

        private FixPlan(Diagnostic diagnostic, Site site, SemanticModel model, IReadOnlyList<KeyPiece> pieces, string key)
        {
            Diagnostic = diagnostic;
            Site = site;
            _model = model;
            Pieces = pieces;
            Key = key;
            IsAsync = IsInAsyncCode(site.Replaced);
            NeedsNonNullRead = NonNullTargets.NullWouldWarn(site, model);
            TypeNames = TypeNames.At(model, site.Replaced.SpanStart, site.UsesEncoding);
        }

        public Diagnostic Diagnostic { get; }

        public Site Site { get; }

        /// <summary>Declarations the replaced code reads that may be left unused (see <see cref="KeyPiece"/>).</summary>
        public IReadOnlyList<KeyPiece> Pieces { get; }

        /// <summary>Tells distinct keys apart (<see cref="KeyIdentity"/>).</summary>
        public string Key { get; }

        /// <summary>Inside an async method, lambda or local function: there a Key Vault read is awaited.</summary>
        public bool IsAsync { get; }

        /// <summary>How the read names framework types at the site.</summary>
        public TypeNames TypeNames { get; }

        /// <summary>A plain read would certainly warn (<see cref="NonNullTargets"/>): the read ends in <c>?? throw</c> from the start.</summary>
        public bool NeedsNonNullRead { get; }

        /// <summary>The plan, or null when no fix can be made: generated or half-typed code, a key in a comment (KL0008), or a place that needs a constant.</summary>
        public static async Task<FixPlan?> CreateAsync(Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (IsGeneratedFile(document)
                || KeyDiagnosticProperties.IsInComment(diagnostic.Properties)
                || diagnostic.Location.SourceTree != root.SyntaxTree
                || diagnostic.Location.SourceSpan.End > root.FullSpan.End)
            {
                return null;
            }

            Site? site = Site.Find(root, diagnostic.Location.SourceSpan, model, cancellationToken, anyConstant: diagnostic.Id == RuleIdentifiers.HardcodedCredential);
            if (site is null
                || IsInBrokenCode(site.Replaced)
                || await ConstantContexts.NeedsConstantAsync(document, model, site.Replaced, site.ConstDeclarator, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return new FixPlan(
                diagnostic,
                site,
                model,
                KeyPiece.ReadBy(site.Replaced, model, cancellationToken),
                KeyIdentity.Of(root, model, diagnostic, cancellationToken));
        }

        /// <summary>The receivers a read from <paramref name="source"/> can use here, best first (none: the source is not available).</summary>
        public IReadOnlyList<string?> ReceiversFor(KeySource source, CancellationToken cancellationToken)
        {
            if (!_receivers.TryGetValue(source, out IReadOnlyList<string?>? receivers))
            {
                receivers = ScopeReceivers.Find(source, _model, Site.Replaced.SpanStart, cancellationToken);
                _receivers[source] = receivers;
            }

            return receivers;
        }

        /// <summary>Half-typed code gets no fix: what a fix would build on may still change.</summary>
        private static bool IsInBrokenCode(SyntaxNode node)
        {
            SyntaxNode scope = node.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? node;
            return scope.ContainsDiagnostics && scope.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        }

        /// <summary>A fix in a generated file would be overwritten by the next generation.</summary>
        private static bool IsGeneratedFile(Document document)
        {
            string name = document.FilePath ?? document.Name;
            return name.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".generated.cs", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".designer.cs", StringComparison.OrdinalIgnoreCase);
        }

        private static bool IsInAsyncCode(SyntaxNode node)
        {
            foreach (SyntaxNode ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case AnonymousFunctionExpressionSyntax function:
                        return function.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                    case LocalFunctionStatementSyntax local:
                        return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                    case MethodDeclarationSyntax method:
                        return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }
    }
}
