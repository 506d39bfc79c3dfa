using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// Whether a generated syntax tree is the C# that Razor makes of a <c>.razor</c> or <c>.cshtml</c>
    /// file. The code of its <c>@code</c>, <c>@functions</c> and <c>@{ }</c> blocks and of its
    /// expressions is the user's own, copied under <c>#line</c> directives that point back at the
    /// Razor file: a diagnostic there is shown at the Razor line, in the build and in the IDE, which
    /// compile the same generated trees.
    /// </summary>
    /// <remarks>
    /// Decided by the directives, not by the file name: the Razor source generator names its trees
    /// <c>…_razor.g.cs</c> and <c>…_cshtml.g.cs</c>, but other hosts name them otherwise. Text first:
    /// a tree whose text never spells <c>.razor"</c> or <c>.cshtml"</c> (how a <c>#line</c> directive's
    /// file name ends) costs one vectorised search and is not Razor's; only a tree that does is asked
    /// for its line mappings, which the compiler keeps to map every diagnostic anyway.
    /// </remarks>
    internal static class RazorGeneratedCode
    {
        private static readonly ImmutableArray<string> s_fileNameEnds = ImmutableArray.Create(".razor\"", ".cshtml\"");

        /// <summary>True when a <c>#line</c> directive of <paramref name="tree"/> maps its code to a Razor file.</summary>
        public static bool MapsToRazorFile(SyntaxTree tree, CancellationToken cancellationToken)
        {
            using (var search = new SourceTextSearch(tree.GetText(cancellationToken), s_fileNameEnds, StringComparison.OrdinalIgnoreCase))
            {
                if (!search.MoveNext(cancellationToken))
                {
                    return false;
                }
            }

            foreach (LineMapping mapping in tree.GetLineMappings(cancellationToken))
            {
                if (!mapping.IsHidden && mapping.MappedSpan.HasMappedPath && IsRazorPath(mapping.MappedSpan.Path))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A <c>.razor</c> component's or a <c>.cshtml</c> page's path.</summary>
        public static bool IsRazorPath(string path)
            => path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase);
    }
}
