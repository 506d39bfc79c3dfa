using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// KL0007's text-first search: the nodes of a file that may pass a credential to a watched API,
    /// found from the names they must spell — a client or service type (<c>ChatClient</c>,
    /// <c>OpenAIChatCompletionService</c>), a credential type, a Semantic Kernel method
    /// (<c>AddOpenAIChatCompletion</c>), <c>Update</c> or <c>ApiKey</c>.
    /// A file that spells none of them costs a few vectorised searches and no binding.
    /// </summary>
    internal static class CredentialSites
    {
        /// <summary>How a target-typed creation starts (the tree is asked about each occurrence).</summary>
        private static readonly ImmutableArray<string> s_targetTypedNew = ImmutableArray.Create("new(", "new (");

        /// <summary>
        /// The smallest nodes to bind for each watched name in <paramref name="tree"/>: the object
        /// creation, invocation or assignment that spells it, the target-typed <c>new(…)</c>
        /// initialisers of a declaration whose type spells it, and — in a file where a watched type is
        /// the type of a declaration — every target-typed <c>new(…)</c> with arguments. Null when
        /// there is none (the common case: nothing is allocated). A node may be listed twice.
        /// </summary>
        public static List<SyntaxNode>? Find(SyntaxTree tree, CredentialTargets targets, CancellationToken cancellationToken)
        {
            SourceText text = tree.GetText(cancellationToken);
            var hits = new HitTokens(tree);
            List<SyntaxNode>? sites = null;
            bool declaresWatchedType = false;
            using var search = new SourceTextSearch(text, targets.TextTriggers, StringComparison.Ordinal);
            while (search.MoveNext(cancellationToken))
            {
                // Most occurrences are other names (HttpClient, TokenCredential): read the identifier
                // from the loaded text and ask the syntax tree only about watched names.
                if (IdentifierAround(search.Chunk, search.Position - search.ChunkStart, search.ChunkStart == 0, search.IsLastChunk) is (int start, int length)
                    && !targets.IsWatchedName(search.Chunk.Slice(start, length)))
                {
                    continue;
                }

                // The search's hits are not in text order (one trigger word after the other): every hit is looked up.
                if (hits.TokenAt(search.Position, cancellationToken) is not SyntaxToken token
                    || !token.IsKind(SyntaxKind.IdentifierToken) || !targets.IsWatchedName(token.ValueText.AsSpan())
                    || token.Parent is not SimpleNameSyntax name)
                {
                    continue;
                }

                foreach (SyntaxNode site in SitesOf(name))
                {
                    (sites ??= new List<SyntaxNode>()).Add(site);
                }

                declaresWatchedType |= IsDeclaredType(name);
            }

            if (declaresWatchedType)
            {
                // A watched type as a return, field, property or parameter type: a target-typed
                // new("gpt-4o", "…") anywhere in the file may create it (returned, assigned later,
                // passed on). Those with arguments are sites; binding tells which create a client.
                // Text first again: "new(" and "new (" are searched for, not the tree walked.
                using var targetTyped = new SourceTextSearch(text, s_targetTypedNew, StringComparison.Ordinal);
                while (targetTyped.MoveNext(cancellationToken))
                {
                    if (hits.TokenAt(targetTyped.Position, cancellationToken) is SyntaxToken keyword
                        && keyword.IsKind(SyntaxKind.NewKeyword)
                        && keyword.Parent is ImplicitObjectCreationExpressionSyntax creation
                        && creation.ArgumentList.Arguments.Count > 0)
                    {
                        (sites ??= new List<SyntaxNode>()).Add(creation);
                    }
                }
            }

            return sites;
        }

        /// <summary>True when <paramref name="name"/> is the type of a declaration: a method's or property's, a field's, a parameter's.</summary>
        private static bool IsDeclaredType(SimpleNameSyntax name)
        {
            SyntaxNode written = name;
            while (written.Parent is QualifiedNameSyntax qualified && qualified.Right == written
                || written.Parent is AliasQualifiedNameSyntax aliasQualified && aliasQualified.Name == written
                || written.Parent is NullableTypeSyntax)
            {
                written = written.Parent;
            }

            return written.Parent switch
            {
                MethodDeclarationSyntax method => method.ReturnType == written,
                LocalFunctionStatementSyntax function => function.ReturnType == written,
                BasePropertyDeclarationSyntax property => property.Type == written,
                VariableDeclarationSyntax declaration => declaration.Type == written,
                ParameterSyntax parameter => parameter.Type == written,
                _ => false,
            };
        }

        /// <summary>
        /// The plain ASCII identifier holding <paramref name="position"/> of <paramref name="chunk"/>,
        /// or null when it cannot be read from the chunk alone (it reaches the chunk's edge, or holds
        /// a Unicode escape or a non-ASCII letter): the syntax tree is asked then.
        /// </summary>
        private static (int Start, int Length)? IdentifierAround(ReadOnlySpan<char> chunk, int position, bool isFirstChunk, bool isLastChunk)
        {
            int start = position;
            while (start > 0 && IsAsciiIdentifierChar(chunk[start - 1]))
            {
                start--;
            }

            int end = position;
            while (end < chunk.Length && IsAsciiIdentifierChar(chunk[end]))
            {
                end++;
            }

            bool cutAtStart = start == 0 ? !isFirstChunk : chunk[start - 1] == '\\' || chunk[start - 1] > 0x7F;
            bool cutAtEnd = end == chunk.Length ? !isLastChunk : chunk[end] == '\\' || chunk[end] > 0x7F;
            return cutAtStart || cutAtEnd ? null : (start, end - start);
        }

        private static bool IsAsciiIdentifierChar(char c)
            => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_';

        private static IEnumerable<SyntaxNode> SitesOf(SimpleNameSyntax name)
        {
            // The name as written, qualified or not: OpenAI.Chat.ChatClient, global::…, x.AddOpenAI….
            SyntaxNode written = name;
            while (written.Parent is QualifiedNameSyntax qualified && qualified.Right == written
                || written.Parent is AliasQualifiedNameSyntax aliasQualified && aliasQualified.Name == written
                || written.Parent is MemberAccessExpressionSyntax access && access.Name == written)
            {
                written = written.Parent;
            }

            switch (written.Parent)
            {
                case ObjectCreationExpressionSyntax creation when creation.Type == written:
                    yield return creation;
                    break;
                case InvocationExpressionSyntax invocation when invocation.Expression == written:
                    yield return invocation;
                    break;
                case AssignmentExpressionSyntax assignment when assignment.Left == written:
                    yield return assignment;
                    break;
                case VariableDeclarationSyntax declaration when declaration.Type == written:
                    foreach (VariableDeclaratorSyntax declarator in declaration.Variables)
                    {
                        if (declarator.Initializer?.Value is ImplicitObjectCreationExpressionSyntax implicitCreation)
                        {
                            yield return implicitCreation;
                        }
                    }

                    break;
                case PropertyDeclarationSyntax property when property.Type == written
                    && property.Initializer?.Value is ImplicitObjectCreationExpressionSyntax implicitCreation:
                    yield return implicitCreation;
                    break;
            }
        }
    }
}
