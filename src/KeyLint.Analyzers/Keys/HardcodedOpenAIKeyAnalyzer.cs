using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// KL0001–KL0005 and KL0008: secret keys written in C# source — OpenAI keys in string literals
    /// of every form (KL0001 project, KL0002 service-account, KL0003 admin, KL0004 legacy user keys)
    /// and in comments, documentation comments, directives and disabled code (KL0005); identifiable
    /// Azure AI services keys (Azure OpenAI and the rest) in all of these places (KL0008).
    /// </summary>
    /// <remarks>
    /// Text first: one pass over each file's text finds the positions of the markers every key
    /// carries (<c>T3BlbkFJ</c>, <c>JQQJ9</c>) (and of <c>\u</c>/<c>\x</c> escapes, since a key may be spelled with them); only those
    /// positions are looked up in the syntax tree. A key assembled from constant pieces needs the
    /// semantic model, which is asked only for literals that hold the marker but no whole key.
    /// Generated code is analysed and reported: a key in a designer file or a generated settings
    /// class is committed and shipped like any other.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedOpenAIKeyAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>How many const declarations deep a key assembled from constants is followed.</summary>
        private const int MaxConstantHops = 4;

        /// <summary>
        /// What the syntax pass learnt for the semantic pass: where the string tokens are that hold
        /// the marker but no whole key (the only places an assembled key can start). For most files
        /// there are none, and the semantic pass then does not read the text again. A file the
        /// syntax pass has not (completely) seen is read by the semantic pass itself.
        /// </summary>
        private static readonly ConditionalWeakTable<SyntaxTree, int[]> s_assembledKeyStarts = new ConditionalWeakTable<SyntaxTree, int[]>();

        private static readonly ConditionalWeakTable<SyntaxTree, int[]>.CreateValueCallback s_noAssembledKeyStarts = _ => Array.Empty<int>();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            KeyLintDescriptors.KL0001_HardcodedProjectKey,
            KeyLintDescriptors.KL0002_HardcodedServiceAccountKey,
            KeyLintDescriptors.KL0003_HardcodedAdminKey,
            KeyLintDescriptors.KL0004_HardcodedLegacyUserKey,
            KeyLintDescriptors.KL0005_KeyInCommentOrDisabledCode,
            KeyLintDescriptors.KL0008_HardcodedAzureKey);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterSyntaxTreeAction(AnalyzeSyntaxTree);
            context.RegisterSemanticModelAction(AnalyzeAssembledKeys);
        }

        /// <summary>
        /// Every diagnostic of this analyzer in one document, without a driver: the code fixes number
        /// setting names by the keys of a document (the light bulb sees one diagnostic only), and a
        /// driver would bind the whole document again.
        /// </summary>
        internal static void AnalyzeDocument(SemanticModel model, AnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            Func<Diagnostic, bool> isSupported = _ => true;
#pragma warning disable CS0618 // The shorter constructors are the ones Roslyn 4.8 has for every host.
            AnalyzeSyntaxTree(new SyntaxTreeAnalysisContext(model.SyntaxTree, options, report, isSupported, cancellationToken));
            AnalyzeAssembledKeys(new SemanticModelAnalysisContext(model, options, report, isSupported, cancellationToken));
#pragma warning restore CS0618
        }

        /// <summary>
        /// The diagnostics of one syntax tree's string tokens and trivia, without a driver or a
        /// semantic model: Fix All finds keys in comments again when its diagnostics point into an
        /// older text.
        /// </summary>
        internal static void AnalyzeTree(SyntaxTree tree, AnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
#pragma warning disable CS0618 // The shorter constructor is the one Roslyn 4.8 has for every host.
            AnalyzeSyntaxTree(new SyntaxTreeAnalysisContext(tree, options, report, _ => true, cancellationToken));
#pragma warning restore CS0618
        }

        /// <summary>Whole keys in string tokens and trivia: no semantic model needed.</summary>
        private static void AnalyzeSyntaxTree(SyntaxTreeAnalysisContext context)
        {
            SyntaxTree tree = context.Tree;
            SourceText text = tree.GetText(context.CancellationToken);
            var hits = new HitTokens(tree);
            List<int>? assembledKeyStarts = null;

            using KeyCandidateEnumerator candidates = new KeyCandidateEnumerator(text);
            while (candidates.MoveNext(context.CancellationToken))
            {
                KeyCandidate candidate = candidates.Current;
                if (hits.IsExamined(candidate.Position))
                {
                    continue;
                }

                if (hits.TokenAt(candidate.Position, context.CancellationToken) is SyntaxToken token)
                {
                    if (KeyLocations.IsStringTextToken(token) && !ReportKeysInStringToken(context, token) && IsAssembledKeyStart(token))
                    {
                        (assembledKeyStarts ??= new List<int>()).Add(token.SpanStart);
                    }

                    continue;
                }

                // Comments have no escapes: only a marker in trivia can start a key.
                if (candidate.Kind == KeyCandidateKind.Marker && hits.TriviaAt(candidate.Position, context.CancellationToken) is SyntaxTrivia trivia)
                {
                    ReportKeysInTrivia(context, trivia);
                }
            }

            // Only a complete pass is remembered (a cancelled one has thrown by now). Most files
            // have no start: a shared delegate then, so nothing is allocated but the table entry.
            if (assembledKeyStarts is null)
            {
                _ = s_assembledKeyStarts.GetValue(tree, s_noAssembledKeyStarts);
            }
            else
            {
                int[] starts = assembledKeyStarts.ToArray();
                _ = s_assembledKeyStarts.GetValue(tree, _ => starts);
            }
        }

        /// <summary>A string token that holds a marker but no whole key: an assembled key may start there.</summary>
        private static bool IsAssembledKeyStart(SyntaxToken token)
        {
            string value = token.ValueText;
            return token.Parent is not null && KeyScanner.ContainsMarker(value.AsSpan()) && !KeyScanner.ContainsKey(value.AsSpan());
        }

        /// <returns>True when the token held a key.</returns>
        private static bool ReportKeysInStringToken(SyntaxTreeAnalysisContext context, SyntaxToken token)
        {
            // The value, not the source text: "\u0073k-proj-…" is the same key as "sk-proj-…".
            string value = token.ValueText;
            if (!KeyScanner.ContainsMarker(value.AsSpan()))
            {
                return false;
            }

            bool found = false;

            string source = token.Text;
            int searchFrom = 0;
            foreach (KeyMatch match in KeyScanner.Find(value.AsSpan()))
            {
                ReadOnlySpan<char> key = value.AsSpan(match.Start, match.Length);
                int offset = source.AsSpan(searchFrom).IndexOf(key);
                Location location;
                if (offset >= 0)
                {
                    // The source spells the key out: point at exactly its characters.
                    location = Location.Create(token.SyntaxTree!, new TextSpan(token.SpanStart + searchFrom + offset, match.Length));
                    searchFrom += offset + match.Length;
                }
                else
                {
                    location = (KeyLocations.WholeStringNode(token) ?? token.Parent!).GetLocation();
                }

                if (RazorMarkup.IsMarkup(location, context.CancellationToken))
                {
                    // Razor's markup: reported in the Razor file itself (KL0009), by KeyInProjectFileAnalyzer.
                    found = true;
                    continue;
                }

                Report(context.ReportDiagnostic, KeyLintDescriptors.ForKeyInCode(match.Kind), location, key, match);
                found = true;
            }

            return found;
        }

        private static void ReportKeysInTrivia(SyntaxTreeAnalysisContext context, SyntaxTrivia trivia)
        {
            bool isCode = trivia.IsKind(SyntaxKind.SkippedTokensTrivia);
            string? place = KeyLocations.DescribeNonCodeTrivia(trivia);
            if (!isCode && place is null)
            {
                return;
            }

            string text = trivia.ToFullString();
            int start = trivia.FullSpan.Start;
            foreach (KeyMatch match in KeyScanner.Find(text.AsSpan()))
            {
                ReadOnlySpan<char> key = text.AsSpan(match.Start, match.Length);
                Location location = Location.Create(trivia.SyntaxTree!, new TextSpan(start + match.Start, match.Length));
                if (isCode)
                {
                    // Tokens the parser skipped in half-typed code are still code.
                    Report(context.ReportDiagnostic, KeyLintDescriptors.ForKeyInCode(match.Kind), location, key, match);
                }
                else if (match.Kind == KeyKind.Azure)
                {
                    // An Azure key has one rule wherever it is; the message says where.
                    string redacted = KeyRedactor.Redact(key, match.PrefixLength);
                    context.ReportDiagnostic(Diagnostic.Create(
                        KeyLintDescriptors.KL0008_HardcodedAzureKey,
                        location,
                        KeyDiagnosticProperties.CreateInComment(match.Kind),
                        KeyLocations.AzureKeyMessageArguments(key, redacted, "in " + place)));
                }
                else
                {
                    string redacted = KeyRedactor.Redact(key, match.PrefixLength);
                    context.ReportDiagnostic(Diagnostic.Create(
                        KeyLintDescriptors.KL0005_KeyInCommentOrDisabledCode,
                        location,
                        KeyLintDescriptors.DisplayName(match.Kind),
                        redacted,
                        place));
                }
            }
        }

        private static void Report(Action<Diagnostic> report, DiagnosticDescriptor descriptor, Location location, ReadOnlySpan<char> key, KeyMatch match)
        {
            string redacted = KeyRedactor.Redact(key, match.PrefixLength);
            ImmutableDictionary<string, string?> properties = KeyDiagnosticProperties.Create(match.Kind);
            report(Diagnostic.Create(descriptor, location, properties, KeyLocations.MessageArguments(descriptor, match.Kind, key, redacted)));
        }

        /// <summary>
        /// Keys assembled from constant pieces (<c>"sk-proj-" + Rest</c>, const fields combined,
        /// constant interpolated strings): reported once, on the smallest expression holding the
        /// whole key. Starts only from string tokens that hold the marker but no whole key.
        /// </summary>
        private static void AnalyzeAssembledKeys(SemanticModelAnalysisContext context)
        {
            SemanticModel model = context.SemanticModel;
            SyntaxTree tree = model.SyntaxTree;
            SourceText text = tree.GetText(context.CancellationToken);
            var hits = new HitTokens(tree);
            AssembledKeySearch? search = null;

            if (s_assembledKeyStarts.TryGetValue(tree, out int[]? starts))
            {
                foreach (int start in starts)
                {
                    SyntaxNode root = hits.Root(context.CancellationToken);
                    FollowAssembledKeyStart(context, root.FindToken(start), text, root, ref search);
                }

                return;
            }

            using KeyCandidateEnumerator candidates = new KeyCandidateEnumerator(text);
            while (candidates.MoveNext(context.CancellationToken))
            {
                KeyCandidate candidate = candidates.Current;
                if (!hits.IsExamined(candidate.Position) && hits.TokenAt(candidate.Position, context.CancellationToken) is SyntaxToken token)
                {
                    FollowAssembledKeyStart(context, token, text, hits.Root(context.CancellationToken), ref search);
                }
            }
        }

        private static void FollowAssembledKeyStart(SemanticModelAnalysisContext context, SyntaxToken token, SourceText text, SyntaxNode root, ref AssembledKeySearch? search)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!KeyLocations.IsStringTextToken(token) || !IsAssembledKeyStart(token))
            {
                return;
            }

            search ??= new AssembledKeySearch(context, text, root);
            SyntaxNode piece = token.Parent is InterpolatedStringTextSyntax { Parent: InterpolatedStringExpressionSyntax interpolated }
                ? interpolated
                : token.Parent!;
            search.FollowPiece(piece, hops: 0);
        }

        /// <summary>The state of one file's search for keys assembled from constants.</summary>
        private sealed class AssembledKeySearch
        {
            private readonly SemanticModelAnalysisContext _context;
            private readonly SourceText _text;
            private readonly SyntaxNode _root;
            private readonly HashSet<(int Start, int End, int KeyStart)> _reported = new HashSet<(int Start, int End, int KeyStart)>();
            private readonly HashSet<ISymbol> _followed = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            private string? _textString;

            public AssembledKeySearch(SemanticModelAnalysisContext context, SourceText text, SyntaxNode root)
            {
                _context = context;
                _text = text;
                _root = root;
            }

            /// <summary>
            /// Walks up from a constant piece through concatenations and interpolations while the
            /// value stays constant, reporting each key at the first expression that holds it whole.
            /// The walk goes on to the top of the constant expression: it may assemble more keys.
            /// </summary>
            public void FollowPiece(SyntaxNode piece, int hops)
            {
                SyntaxNode node = piece;
                string? value = node is InterpolatedStringExpressionSyntax ? ReportKeysAcrossPieces(node) : null;
                while (true)
                {
                    _context.CancellationToken.ThrowIfCancellationRequested();
                    SyntaxNode? parent = node.Parent;
                    while (parent is ParenthesizedExpressionSyntax)
                    {
                        node = parent;
                        parent = node.Parent;
                    }

                    if (parent is InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax interpolated })
                    {
                        parent = interpolated;
                    }

                    bool assembles = parent is InterpolatedStringExpressionSyntax
                        || parent is CastExpressionSyntax
                        || (parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression));
                    if (!assembles)
                    {
                        break;
                    }

                    node = parent!;
                    value = ReportKeysAcrossPieces(node);
                    if (value is null)
                    {
                        // A larger expression than a non-constant one is not constant either.
                        return;
                    }
                }

                // The expression initialises a constant: follow the constant to where it is
                // combined, unless every marker in it already belongs to a whole key.
                if (hops < MaxConstantHops
                    && node.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                    && (value ?? ConstantString(node)) is string constantValue
                    && KeyScanner.HasMarkerOutsideKeys(constantValue.AsSpan())
                    && _context.SemanticModel.GetDeclaredSymbol(declarator, _context.CancellationToken) is ISymbol symbol
                    && symbol is IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true }
                    && _followed.Add(symbol))
                {
                    FollowConstantReferences(symbol, hops + 1);
                }
            }

            /// <summary>
            /// Uses of a constant in this file. Uses in other files are not followed: that would
            /// need a search of the whole compilation on every edit (see docs/rules/KL0001.md).
            /// </summary>
            private void FollowConstantReferences(ISymbol symbol, int hops)
            {
                _textString ??= _text.ToString();
                string name = symbol.Name;
                int from = 0;
                while (true)
                {
                    int found = _textString.IndexOf(name, from, StringComparison.Ordinal);
                    if (found < 0)
                    {
                        return;
                    }

                    from = found + name.Length;
                    SyntaxToken token = _root.FindToken(found);
                    if (!token.IsKind(SyntaxKind.IdentifierToken) || token.SpanStart != found || token.ValueText != name
                        || token.Parent is not IdentifierNameSyntax identifier)
                    {
                        continue;
                    }

                    ISymbol? referenced = _context.SemanticModel.GetSymbolInfo(identifier, _context.CancellationToken).Symbol;
                    if (!SymbolEqualityComparer.Default.Equals(referenced, symbol))
                    {
                        continue;
                    }

                    SyntaxNode piece = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier
                        ? access
                        : identifier;
                    FollowPiece(piece, hops);
                }
            }

            /// <summary>
            /// Reports the keys in <paramref name="node"/>'s constant value that no single piece of
            /// it holds whole (those are reported at the piece, or by the token pass). Returns the
            /// value, or null when the node is not a constant string.
            /// </summary>
            private string? ReportKeysAcrossPieces(SyntaxNode node)
            {
                string? value = ConstantString(node);
                if (value is null)
                {
                    return null;
                }

                foreach (KeyMatch match in KeyScanner.Find(value.AsSpan()))
                {
                    if (!IsWithinOnePiece(node, match.Start, match.Start + match.Length)
                        && _reported.Add((node.SpanStart, node.Span.End, match.Start)))
                    {
                        Report(_context.ReportDiagnostic, KeyLintDescriptors.ForKeyInCode(match.Kind), node.GetLocation(), value.AsSpan(match.Start, match.Length), match);
                    }
                }

                return value;
            }

            /// <summary>Whether the characters [start, end) of the node's value come from one of its pieces.</summary>
            private bool IsWithinOnePiece(SyntaxNode node, int start, int end)
            {
                switch (node)
                {
                    case CastExpressionSyntax:
                        return true;
                    case BinaryExpressionSyntax binary:
                        // `"a" + null` is a constant too: the null piece adds nothing.
                        int leftLength = ConstantString(binary.Left)?.Length ?? 0;
                        return end <= leftLength || start >= leftLength;
                    case InterpolatedStringExpressionSyntax interpolated:
                        int pieceStart = 0;
                        foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
                        {
                            string? piece = content switch
                            {
                                InterpolatedStringTextSyntax text => text.TextToken.ValueText,
                                InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole => ConstantString(hole.Expression),
                                _ => null,
                            };
                            if (piece is null)
                            {
                                // Lengths unknown: count the key as spanning pieces.
                                return false;
                            }

                            int pieceEnd = pieceStart + piece.Length;
                            if (start >= pieceStart && end <= pieceEnd)
                            {
                                return true;
                            }

                            pieceStart = pieceEnd;
                        }

                        return false;
                    default:
                        return false;
                }
            }

            private string? ConstantString(SyntaxNode node)
            {
                Optional<object?> constant = _context.SemanticModel.GetConstantValue(node, _context.CancellationToken);
                return constant.HasValue && constant.Value is string value ? value : null;
            }
        }
    }
}
