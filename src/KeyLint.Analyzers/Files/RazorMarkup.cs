using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// Which parts of a <c>.razor</c> or <c>.cshtml</c> file are markup, and which are C#, told by the
    /// C# Razor generated from it: the generator copies each piece of C# under a <c>#line</c>
    /// directive that maps it back to the file, and writes the markup as string literals that map
    /// nowhere. A key in the C# is reported by <see cref="HardcodedOpenAIKeyAnalyzer"/> at its Razor
    /// line; a key in the markup would be reported at a line of a generated file no one can open, so
    /// <see cref="KeyInProjectFileAnalyzer"/> reports it in the Razor file instead, and the key
    /// analyzer leaves it (<see cref="IsMarkup"/>). Which trees are Razor's is decided here by their
    /// <c>#pragma checksum</c> (every generated file has one, markup-only ones too), and for KL0007 by
    /// their <c>#line</c> directives (<see cref="RazorGeneratedCode"/>): only C# can hold a credential.
    /// </summary>
    internal static class RazorMarkup
    {
        /// <summary>
        /// The spans of <paramref name="text"/> (the Razor file at <paramref name="path"/>) that Razor
        /// copied as C#; null when no tree of <paramref name="compilation"/> was generated from the file
        /// (its <c>#pragma checksum</c> names it), so that markup cannot be told from code.
        /// </summary>
        public static List<TextSpan>? CSharpSpans(Compilation compilation, string path, SourceText text, CancellationToken cancellationToken)
        {
            List<TextSpan>? spans = null;
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                // Razor's trees are named after their file (…_razor.g.cs, …_cshtml.g.cs): other trees are not read.
                if (!IsGeneratedFrom(tree, path, cancellationToken))
                {
                    continue;
                }

                spans ??= new List<TextSpan>();
                foreach (LineMapping mapping in tree.GetLineMappings(cancellationToken))
                {
                    if (!mapping.IsHidden && mapping.MappedSpan.HasMappedPath && IsSamePath(mapping.MappedSpan.Path, path))
                    {
                        spans.Add(TextSpan.FromBounds(PositionOf(text, mapping.MappedSpan.StartLinePosition), PositionOf(text, mapping.MappedSpan.EndLinePosition)));
                    }
                }
            }

            return spans;
        }

        /// <summary>
        /// The position of <paramref name="linePosition"/> in <paramref name="text"/>, clamped to the text:
        /// in the IDE the generated tree may still be that of an older text of the file.
        /// </summary>
        private static int PositionOf(SourceText text, LinePosition linePosition)
        {
            if (linePosition.Line >= text.Lines.Count)
            {
                return text.Length;
            }

            TextLine line = text.Lines[linePosition.Line];
            return line.Start + Math.Min(linePosition.Character, line.End - line.Start);
        }

        /// <summary>
        /// True for a place in the C# Razor generated that maps to no line of its Razor file: the
        /// markup, written as string literals under <c>#line hidden</c>. The key analyzer leaves a key
        /// there to <see cref="KeyInProjectFileAnalyzer"/>, which reports it in the Razor file itself.
        /// </summary>
        public static bool IsMarkup(Location location, CancellationToken cancellationToken)
        {
            // The tree's name first: every key of every other file stops there.
            if (location.SourceTree is not SyntaxTree tree || !NamesRazorFile(tree.FilePath))
            {
                return false;
            }

            FileLinePositionSpan mapped = location.GetMappedLineSpan();
            return !(mapped.HasMappedPath && RazorGeneratedCode.IsRazorPath(mapped.Path)) && SourceFileOf(tree, cancellationToken) is not null;
        }

        /// <summary>
        /// True when <paramref name="position"/> lies in a comment the page never sends: a Razor comment
        /// (<c>@* … *@</c>), or in a component, an HTML comment (Blazor drops those too).
        /// </summary>
        public static bool IsInComment(string content, int position, string path)
            => IsInside(content, position, "@*", "*@")
                || (path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase) && IsInside(content, position, "<!--", "-->"));

        /// <summary>True when the last <paramref name="open"/> before <paramref name="position"/> is not closed before it.</summary>
        private static bool IsInside(string content, int position, string open, string close)
        {
            int opened = position == 0 ? -1 : content.LastIndexOf(open, position - 1, StringComparison.Ordinal);
            if (opened < 0)
            {
                return false;
            }

            int closed = content.IndexOf(close, opened + open.Length, StringComparison.Ordinal);
            return closed < 0 || closed >= position;
        }

        private static bool NamesRazorFile(string filePath)
            => filePath.IndexOf("razor", StringComparison.OrdinalIgnoreCase) >= 0 || filePath.IndexOf("cshtml", StringComparison.OrdinalIgnoreCase) >= 0;

        private static bool IsGeneratedFrom(SyntaxTree tree, string path, CancellationToken cancellationToken)
            => SourceFileOf(tree, cancellationToken) is string source && IsSamePath(source, path);

        /// <summary>
        /// The Razor file <paramref name="tree"/> was generated from, or null: Razor begins each file it
        /// generates with <c>#pragma checksum "&lt;the Razor file&gt;" …</c>, and names it after the file.
        /// </summary>
        private static string? SourceFileOf(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (!NamesRazorFile(tree.FilePath))
            {
                return null;
            }

            if (((CSharpSyntaxNode)tree.GetRoot(cancellationToken)).GetFirstDirective(d => d.IsKind(SyntaxKind.PragmaChecksumDirectiveTrivia)) is PragmaChecksumDirectiveTriviaSyntax checksum
                && RazorGeneratedCode.IsRazorPath(checksum.File.ValueText))
            {
                return checksum.File.ValueText;
            }

            return null;
        }

        /// <summary>The same file, whichever separators the generator wrote; a relative name matches the path's end.</summary>
        private static bool IsSamePath(string mapped, string path)
        {
            string a = mapped.Replace('\\', '/');
            string b = path.Replace('\\', '/');
            return a.Equals(b, StringComparison.OrdinalIgnoreCase)
                || (b.EndsWith(a, StringComparison.OrdinalIgnoreCase) && (a.StartsWith("/", StringComparison.Ordinal) || b[b.Length - a.Length - 1] == '/'));
        }
    }
}
