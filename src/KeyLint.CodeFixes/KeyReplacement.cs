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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.CodeFixes
{
    /// <summary>Where a fix reads the key from instead.</summary>
    internal enum KeySource
    {
        Configuration,
        EnvironmentVariable,
        KeyVault,
    }

    /// <summary>
    /// Replaces one hardcoded key with a read from configuration or the environment — or declines.
    /// The rule is "compiling code or no fix": every candidate document is compiled and compared
    /// with the original, and a fix that adds an error or a warning is not offered.
    /// </summary>
    internal static class KeyReplacement
    {
        /// <summary>True for KL0007: the value is a credential of any shape, not an OpenAI-shaped key.</summary>
        public static bool IsCredential(Diagnostic diagnostic) => diagnostic.Id == RuleIdentifiers.HardcodedCredential;

        /// <summary>
        /// What a diagnostic points at, to tell distinct keys apart: the key, found the way the
        /// analyzer found it; for KL0007 the constant credential.
        /// </summary>
        public static string? FindKey(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            TextSpan span = diagnostic.Location.SourceSpan;
            if (IsCredential(diagnostic))
            {
                SyntaxNode credential = root.FindNode(span, getInnermostNodeForTie: true);
                return model.GetConstantValue(credential, cancellationToken) is { HasValue: true, Value: string constant }
                    ? "credential:" + constant
                    : "credential-at:" + root.SyntaxTree.GetText(cancellationToken).ToString(span);
            }

            SyntaxToken token = root.FindToken(span.Start);
            if (KeyLocations.IsStringTextToken(token) && token.Span.Contains(span))
            {
                string source = root.SyntaxTree.GetText(cancellationToken).ToString(span);
                if (KeyScanner.IsKey(source.AsSpan(), out _))
                {
                    return source;
                }

                return FirstKey(token.ValueText);
            }

            SyntaxNode node = root.FindNode(span, getInnermostNodeForTie: true);
            return model.GetConstantValue(node, cancellationToken) is { HasValue: true, Value: string value } ? FirstKey(value) : null;
        }

        private static string? FirstKey(string value)
        {
            KeyMatchEnumerator matches = KeyScanner.Find(value.AsSpan());
            return matches.MoveNext() ? value.Substring(matches.Current.Start, matches.Current.Length) : null;
        }

        /// <summary>
        /// The document with the key at <paramref name="span"/> replaced, or null when no replacement
        /// compiles without new errors or warnings.
        /// </summary>
        public static async Task<Document?> TryReplaceAsync(
            Document document, Diagnostic diagnostic, KeySource source, string settingName, CancellationToken cancellationToken)
        {
            TextSpan span = diagnostic.Location.SourceSpan;
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || IsGeneratedFile(document))
            {
                return null;
            }

            Site? site = Site.Find(root, span, model, cancellationToken, anyConstant: IsCredential(diagnostic));
            if (site is null || IsInBrokenCode(site.Replaced) || await NeedsConstantAsync(document, model, site, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            IEnumerable<string?> receivers = source switch
            {
                KeySource.Configuration => ReceiversOfType(model, site.Replaced.SpanStart, "Microsoft.Extensions.Configuration.IConfiguration", "Configuration", cancellationToken).Select(r => (string?)r),
                KeySource.KeyVault => ReceiversOfType(model, site.Replaced.SpanStart, "Azure.Security.KeyVault.Secrets.SecretClient", "SecretClient", cancellationToken).Select(r => (string?)r),
                _ => new string?[] { null },
            };
            bool isAsync = IsInAsyncCode(site.Replaced);

            foreach (string? receiver in receivers)
            {
                // A plain read first; where the target needs a non-null string, the same read ending in "?? throw".
                foreach (bool throwIfMissing in source == KeySource.KeyVault ? new[] { false } : new[] { false, true })
                {
                    string read = BuildRead(source, receiver, settingName, throwIfMissing, isAsync);
                    for (int variant = 0; variant < site.Variants; variant++)
                    {
                        Document? changed = await RewriteAsync(document, root, site, read, variant, cancellationToken).ConfigureAwait(false);
                        if (changed is not null && await CompilesCleanlyAsync(document, changed, cancellationToken).ConfigureAwait(false))
                        {
                            return changed;
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>Half-typed code gets no fix: what a fix would build on may still change.</summary>
        private static bool IsInBrokenCode(SyntaxNode node)
        {
            SyntaxNode scope = node.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? node;
            return scope.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        }

        private static bool IsGeneratedFile(Document document)
        {
            // A fix in a generated file would be overwritten by the next generation.
            string name = document.FilePath ?? document.Name;
            return name.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".generated.cs", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".designer.cs", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>True inside an async method, lambda or local function: there a Key Vault read is awaited.</summary>
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

        private static string BuildRead(KeySource source, string? receiver, string settingName, bool throwIfMissing, bool isAsync)
        {
            string name = SymbolDisplay.FormatLiteral(settingName, quote: true);
            string read = source switch
            {
                KeySource.Configuration => $"{receiver}[{name}]",
                KeySource.KeyVault when isAsync => $"(await {receiver}.GetSecretAsync({name})).Value.Value",
                KeySource.KeyVault => $"{receiver}.GetSecret({name}).Value.Value",
                _ => $"global::System.Environment.GetEnvironmentVariable({name})",
            };
            if (!throwIfMissing)
            {
                return read;
            }

            string what = source == KeySource.Configuration
                ? $"The configuration value '{settingName}' is not set."
                : $"The environment variable {settingName} is not set.";
            return $"{read} ?? throw new global::System.InvalidOperationException({SymbolDisplay.FormatLiteral(what, quote: true)})";
        }

        /// <summary>
        /// Expressions at <paramref name="position"/> that give an instance of <paramref name="metadataName"/>
        /// (an <c>IConfiguration</c>, a <c>SecretClient</c>): locals and parameters first, then fields
        /// and properties, then a property of that type on a local or parameter (<c>builder.Configuration</c>).
        /// </summary>
        private static IEnumerable<string> ReceiversOfType(SemanticModel model, int position, string metadataName, string memberName, CancellationToken cancellationToken)
        {
            INamedTypeSymbol? configuration = model.Compilation.GetTypeByMetadataName(metadataName);
            if (configuration is null)
            {
                yield break;
            }

            var direct = new List<(int Rank, string Name)>();
            var builders = new List<string>();
            foreach (ISymbol symbol in model.LookupSymbols(position))
            {
                cancellationToken.ThrowIfCancellationRequested();
                (ITypeSymbol? type, int rank) = symbol switch
                {
                    ILocalSymbol local => (local.Type, 0),
                    IParameterSymbol parameter => (parameter.Type, 1),
                    IFieldSymbol field when !field.IsImplicitlyDeclared => (field.Type, 2),
                    IPropertySymbol property when !property.IsIndexer && property.GetMethod is not null => (property.Type, 3),
                    _ => ((ITypeSymbol?)null, 0),
                };
                if (type is null || !SyntaxFacts.IsValidIdentifier(symbol.Name))
                {
                    continue;
                }

                if (IsConfiguration(type, configuration))
                {
                    direct.Add((rank, symbol.Name));
                }
                else if (rank <= 1 && type.GetMembers(memberName).OfType<IPropertySymbol>().Any(p => IsConfiguration(p.Type, configuration)))
                {
                    // builder.Configuration of a WebApplicationBuilder, HostApplicationBuilder or IHostApplicationBuilder.
                    builders.Add(symbol.Name + "." + memberName);
                }
            }

            foreach ((int _, string name) in direct.OrderBy(d => d.Rank))
            {
                yield return name;
            }

            foreach (string builder in builders)
            {
                yield return builder;
            }
        }

        private static bool IsConfiguration(ITypeSymbol type, INamedTypeSymbol configuration)
            => SymbolEqualityComparer.Default.Equals(type, configuration)
                || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, configuration));

        /// <summary>
        /// True when the key sits where C# needs a constant: an attribute argument, a default
        /// parameter value, a case label or pattern, or a const whose uses need a constant.
        /// </summary>
        private static async Task<bool> NeedsConstantAsync(Document document, SemanticModel model, Site site, CancellationToken cancellationToken)
        {
            if (IsInConstantOnlyContext(site.Replaced))
            {
                return true;
            }

            if (site.ConstDeclarator is null)
            {
                return false;
            }

            ISymbol? constant = model.GetDeclaredSymbol(site.ConstDeclarator, cancellationToken);
            if (constant is null || site.ConstDeclarator.Parent is VariableDeclarationSyntax { Variables.Count: > 1 })
            {
                return true;
            }

            foreach (ReferencedSymbol referenced in await SymbolFinder.FindReferencesAsync(constant, document.Project.Solution, cancellationToken).ConfigureAwait(false))
            {
                foreach (ReferenceLocation location in referenced.Locations)
                {
                    SyntaxNode referenceRoot = await location.Location.SourceTree!.GetRootAsync(cancellationToken).ConfigureAwait(false);
                    SyntaxNode node = referenceRoot.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                    if (IsInConstantOnlyContext(node, isReference: true))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// True inside an attribute argument, a default parameter value, a case label or a pattern —
        /// and, for a use of a constant, inside another constant's initializer.
        /// </summary>
        private static bool IsInConstantOnlyContext(SyntaxNode node, bool isReference = false)
        {
            foreach (SyntaxNode ancestor in node.AncestorsAndSelf())
            {
                switch (ancestor)
                {
                    case AttributeArgumentSyntax:
                    case CaseSwitchLabelSyntax:
                    case CasePatternSwitchLabelSyntax:
                    case ConstantPatternSyntax:
                    case RelationalPatternSyntax:
                    case ParameterSyntax:
                        return true;
                    case EqualsValueClauseSyntax equalsValue:
                        // The const being fixed becomes readonly; any other const needs a constant.
                        return isReference && ConstDeclaratorOf(equalsValue) is not null;
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        internal static VariableDeclaratorSyntax? ConstDeclaratorOf(EqualsValueClauseSyntax equalsValue)
        {
            if (equalsValue.Parent is not VariableDeclaratorSyntax declarator)
            {
                return null;
            }

            bool isConst = declarator.Parent?.Parent switch
            {
                FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
                LocalDeclarationStatementSyntax local => local.IsConst,
                _ => false,
            };
            return isConst ? declarator : null;
        }

        private static async Task<Document?> RewriteAsync(Document document, SyntaxNode root, Site site, string read, int variant, CancellationToken cancellationToken)
        {
            ExpressionSyntax? replacement = site.BuildReplacement(read, variant);
            if (replacement is null)
            {
                return null;
            }

            replacement = replacement
                .WithTriviaFrom(site.Replaced)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);

            SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var editor = new SyntaxEditor(root, document.Project.Solution.Services);
            if (site.ConstDeclarator is not null)
            {
                // const → static readonly (fields) or a plain local: the initializer is no longer constant.
                SyntaxNode declaration = site.ConstDeclarator.Parent!.Parent!;
                SyntaxNode newDeclaration = declaration.ReplaceNode(site.Replaced, replacement);
                newDeclaration = newDeclaration switch
                {
                    FieldDeclarationSyntax field => field.WithModifiers(ReplaceConst(field.Modifiers, isField: true)),
                    LocalDeclarationStatementSyntax local => RemoveConst(local),
                    _ => newDeclaration,
                };
                editor.ReplaceNode(declaration, newDeclaration);
            }
            else
            {
                editor.ReplaceNode(site.Replaced, replacement);
            }

            // Constants that were only pieces of the key ("const string prefix = …; prefix + …"), and
            // private fields read only here, would be left unused (CS0219, CS0414): they go with it.
            if (model is not null)
            {
                foreach (SyntaxNode unused in DeclarationsUsedOnlyIn(site.Replaced, model, cancellationToken))
                {
                    // Its comments stay: they move to the statement or member that follows it.
                    SyntaxTriviaList leading = unused.GetLeadingTrivia();
                    SyntaxNode? next = NextSibling(unused);
                    editor.RemoveNode(unused, next is null ? SyntaxRemoveOptions.KeepLeadingTrivia : SyntaxRemoveOptions.KeepNoTrivia);
                    if (next is not null)
                    {
                        editor.ReplaceNode(next, (current, _) => current.WithLeadingTrivia(MergeLeadingTrivia(leading, current.GetLeadingTrivia())));
                    }
                }
            }

            Document changed = document.WithSyntaxRoot(editor.GetChangedRoot());
            changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            SyntaxNode? simplified = await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (simplified is not null)
            {
                changed = changed.WithSyntaxRoot(Site.UnwrapHoles(simplified));
            }

            changed = await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return changed;
        }

        /// <summary>
        /// The comments of a removed declaration, then those of the one that follows it: the
        /// removed one's indentation and the follower's blank lines go, so the layout stays.
        /// </summary>
        private static SyntaxTriviaList MergeLeadingTrivia(SyntaxTriviaList removed, SyntaxTriviaList next)
        {
            int keep = removed.Count;
            while (keep > 0 && removed[keep - 1].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                keep--;
            }

            int skip = 0;
            while (skip < next.Count && next[skip].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                skip++;
            }

            return SyntaxFactory.TriviaList(removed.Take(keep).Concat(next.Skip(skip)));
        }

        private static SyntaxNode? NextSibling(SyntaxNode node)
        {
            SyntaxNode? next = node.Parent switch
            {
                BlockSyntax block when block.Statements.IndexOf((StatementSyntax)node) is int index && index + 1 < block.Statements.Count => block.Statements[index + 1],
                TypeDeclarationSyntax type when type.Members.IndexOf((MemberDeclarationSyntax)node) is int index && index + 1 < type.Members.Count => type.Members[index + 1],
                _ => null,
            };
            return next;
        }

        /// <summary>
        /// Declarations whose every read is inside <paramref name="replaced"/>, so the fix leaves them
        /// unused: locals initialised with a constant, and private fields initialised with a constant
        /// in a type declared in this one file. Removing them changes nothing else (a constant
        /// initialiser has no side effects).
        /// </summary>
        private static IEnumerable<SyntaxNode> DeclarationsUsedOnlyIn(ExpressionSyntax replaced, SemanticModel model, CancellationToken cancellationToken)
        {
            var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (IdentifierNameSyntax identifier in replaced.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                ISymbol? symbol = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
                if (symbol is null || !seen.Add(symbol)
                    || symbol.DeclaringSyntaxReferences.Length != 1
                    || symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator
                    || declarator.SyntaxTree != replaced.SyntaxTree
                    || declarator.Initializer is null
                    || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
                    || !model.GetConstantValue(declarator.Initializer.Value, cancellationToken).HasValue)
                {
                    continue;
                }

                SyntaxNode? removable;
                SyntaxNode? scope;
                switch (symbol)
                {
                    case ILocalSymbol when declaration.Parent is LocalDeclarationStatementSyntax { Parent: SyntaxNode block } statement:
                        removable = statement;
                        scope = block;
                        break;
                    case IFieldSymbol { DeclaredAccessibility: Accessibility.Private, IsConst: true } or IFieldSymbol { DeclaredAccessibility: Accessibility.Private, IsReadOnly: true }
                        when symbol.ContainingType.DeclaringSyntaxReferences.Length == 1
                            && declaration.Parent is FieldDeclarationSyntax { Parent: TypeDeclarationSyntax type } field:
                        removable = field;
                        scope = type;
                        break;
                    default:
                        continue;
                }

                bool usedElsewhere = scope.DescendantNodes().OfType<IdentifierNameSyntax>().Any(other =>
                    !replaced.Span.Contains(other.Span)
                    && other.Identifier.ValueText == symbol.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(other, cancellationToken).Symbol, symbol));
                if (!usedElsewhere)
                {
                    yield return removable;
                }
            }
        }

        /// <summary>"const string key = …" → "string key = …", keeping the indentation the keyword carried.</summary>
        private static LocalDeclarationStatementSyntax RemoveConst(LocalDeclarationStatementSyntax local)
        {
            int index = local.Modifiers.IndexOf(SyntaxKind.ConstKeyword);
            SyntaxToken constKeyword = local.Modifiers[index];
            LocalDeclarationStatementSyntax result = local.WithModifiers(local.Modifiers.RemoveAt(index));
            if (index == 0 && result.Modifiers.Count == 0)
            {
                result = result.WithDeclaration(result.Declaration.WithType(result.Declaration.Type.WithLeadingTrivia(constKeyword.LeadingTrivia)));
            }

            return result;
        }

        private static SyntaxTokenList ReplaceConst(SyntaxTokenList modifiers, bool isField)
        {
            int index = modifiers.IndexOf(SyntaxKind.ConstKeyword);
            SyntaxToken constKeyword = modifiers[index];

            SyntaxToken staticKeyword = SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithLeadingTrivia(constKeyword.LeadingTrivia).WithTrailingTrivia(SyntaxFactory.Space);
            SyntaxToken readonlyKeyword = SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(constKeyword.TrailingTrivia);
            return modifiers.RemoveAt(index).InsertRange(index, new[] { staticKeyword, readonlyKeyword });
        }

        /// <summary>Compiles both versions of the document: the fix may add no error and no warning.</summary>
        internal static async Task<bool> CompilesCleanlyAsync(Document original, Document changed, CancellationToken cancellationToken)
        {
            Dictionary<string, int> before = await CountProblemsAsync(original, cancellationToken).ConfigureAwait(false);
            Dictionary<string, int> after = await CountProblemsAsync(changed, cancellationToken).ConfigureAwait(false);
            foreach (KeyValuePair<string, int> problem in after)
            {
                if (!before.TryGetValue(problem.Key, out int count) || count < problem.Value)
                {
                    return false;
                }
            }

            return true;
        }

        private static async Task<Dictionary<string, int>> CountProblemsAsync(Document document, CancellationToken cancellationToken)
        {
            SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            if (model is null)
            {
                counts["(no semantic model)"] = 1;
                return counts;
            }

            foreach (Diagnostic diagnostic in model.GetDiagnostics(cancellationToken: cancellationToken))
            {
                if (diagnostic.Severity >= DiagnosticSeverity.Warning)
                {
                    counts.TryGetValue(diagnostic.Id, out int count);
                    counts[diagnostic.Id] = count + 1;
                }
            }

            return counts;
        }
    }
}
