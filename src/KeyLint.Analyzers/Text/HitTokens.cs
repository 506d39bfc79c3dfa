using System.Threading;
using Microsoft.CodeAnalysis;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// From the hits of a text-first search to the syntax that holds them: the tree's root is
    /// asked for at the first hit only, and a hit inside a token or trivia that an earlier hit
    /// already brought up is skipped (a literal with three markers is looked at once).
    /// </summary>
    internal struct HitTokens
    {
        private readonly SyntaxTree _tree;
        private SyntaxNode? _root;
        private int _examinedUpTo;

        public HitTokens(SyntaxTree tree)
        {
            _tree = tree;
            _root = null;
            _examinedUpTo = 0;
        }

        /// <summary>True when an earlier token or trivia covers <paramref name="position"/> (for hits that come in text order).</summary>
        public bool IsExamined(int position) => position < _examinedUpTo;

        public SyntaxNode Root(CancellationToken cancellationToken) => _root ??= _tree.GetRoot(cancellationToken);

        /// <summary>The token holding <paramref name="position"/>, now examined; null when the position is in trivia.</summary>
        public SyntaxToken? TokenAt(int position, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SyntaxToken token = Root(cancellationToken).FindToken(position);
            if (!token.Span.Contains(position))
            {
                return null;
            }

            _examinedUpTo = token.Span.End;
            return token;
        }

        /// <summary>The trivia (a comment, a directive, disabled code) holding <paramref name="position"/>, now examined.</summary>
        public SyntaxTrivia? TriviaAt(int position, CancellationToken cancellationToken)
        {
            SyntaxTrivia trivia = Root(cancellationToken).FindTrivia(position);
            if (!trivia.FullSpan.Contains(position))
            {
                return null;
            }

            _examinedUpTo = trivia.FullSpan.End;
            return trivia;
        }
    }
}
