using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// How a read names the framework types it uses (<c>Environment</c>, <c>InvalidOperationException</c>,
    /// <c>Encoding</c>, <c>ReadOnlySpan&lt;byte&gt;</c>) at the site. Where the short name already
    /// binds to that type there (a <c>using System;</c>, implicit usings), the read is written with it
    /// and the fix needs neither Roslyn's import adder nor its simplifier, each of which compiles the
    /// document once more: a third of a light bulb's time. Elsewhere (a name is missing or means
    /// something else, such as a property called <c>Environment</c>) the names are written fully
    /// qualified with <c>global::</c>, and the simplifier shortens them and adds the import.
    /// </summary>
    internal sealed class TypeNames
    {
        private TypeNames(bool isShort)
        {
            IsShort = isShort;
            Environment = isShort ? "Environment" : "global::System.Environment";
            InvalidOperationException = isShort ? "InvalidOperationException" : "global::System.InvalidOperationException";
            Encoding = isShort ? "Encoding" : "global::System.Text.Encoding";
            ReadOnlySpanOfByte = isShort ? "ReadOnlySpan<byte>" : "global::System.ReadOnlySpan<byte>";
        }

        /// <summary>True when every name is short: no import to add, nothing to simplify.</summary>
        public bool IsShort { get; }

        public string Environment { get; }

        public string InvalidOperationException { get; }

        public string Encoding { get; }

        public string ReadOnlySpanOfByte { get; }

        public static TypeNames At(SemanticModel model, int position, bool usesEncoding)
        {
            bool isShort = Binds(model, position, "Environment", "System.Environment", SpeculativeBindingOption.BindAsExpression)
                && Binds(model, position, "InvalidOperationException", "System.InvalidOperationException", SpeculativeBindingOption.BindAsTypeOrNamespace)
                && (!usesEncoding
                    || (Binds(model, position, "Encoding", "System.Text.Encoding", SpeculativeBindingOption.BindAsExpression)
                        && Binds(model, position, "ReadOnlySpan<byte>", "System.ReadOnlySpan`1", SpeculativeBindingOption.BindAsTypeOrNamespace)));
            return isShort ? Short : Qualified;
        }

        private static readonly TypeNames Short = new TypeNames(isShort: true);

        private static readonly TypeNames Qualified = new TypeNames(isShort: false);

        private static bool Binds(SemanticModel model, int position, string name, string metadataName, SpeculativeBindingOption option)
        {
            INamedTypeSymbol? expected = model.Compilation.GetTypeByMetadataName(metadataName);
            SyntaxNode expression = option == SpeculativeBindingOption.BindAsExpression
                ? SyntaxFactory.ParseExpression(name)
                : SyntaxFactory.ParseTypeName(name);
            ISymbol? bound = model.GetSpeculativeSymbolInfo(position, expression, option).Symbol;
            return expected is not null && bound is ITypeSymbol type && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);
        }
    }
}
