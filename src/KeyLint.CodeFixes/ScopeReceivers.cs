using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// The expressions in scope at a position that give what a read needs: an <c>IConfiguration</c>
    /// for configuration, a <c>SecretClient</c> for Key Vault, nothing for the environment.
    /// </summary>
    internal static class ScopeReceivers
    {
        private const string ConfigurationType = "Microsoft.Extensions.Configuration.IConfiguration";
        private const string SecretClientType = "Azure.Security.KeyVault.Secrets.SecretClient";

        /// <summary>The environment needs no receiver: one null entry, so callers loop the same way for every source.</summary>
        private static readonly IReadOnlyList<string?> NoReceiverNeeded = new string?[] { null };

        public static IReadOnlyList<string?> Find(KeySource source, SemanticModel model, int position, CancellationToken cancellationToken) => source switch
        {
            KeySource.Configuration => OfType(model, position, ConfigurationType, "Configuration", cancellationToken),
            KeySource.KeyVault => OfType(model, position, SecretClientType, "SecretClient", cancellationToken),
            _ => NoReceiverNeeded,
        };

        /// <summary>
        /// Locals and parameters first, then fields and properties, then a property of that type on a
        /// local or parameter (<c>builder.Configuration</c>). Empty when the type is not referenced.
        /// </summary>
        private static IReadOnlyList<string?> OfType(SemanticModel model, int position, string metadataName, string memberName, CancellationToken cancellationToken)
        {
            INamedTypeSymbol? wanted = model.Compilation.GetTypeByMetadataName(metadataName);
            if (wanted is null)
            {
                return new string?[0];
            }

            var direct = new List<(int Rank, string Name)>();
            var builders = new List<string?>();
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

                if (Is(type, wanted))
                {
                    direct.Add((rank, symbol.Name));
                }
                else if (rank <= 1 && type.GetMembers(memberName).OfType<IPropertySymbol>().Any(p => Is(p.Type, wanted)))
                {
                    // builder.Configuration of a WebApplicationBuilder, HostApplicationBuilder or IHostApplicationBuilder.
                    builders.Add(symbol.Name + "." + memberName);
                }
            }

            return direct.OrderBy(d => d.Rank).Select(d => (string?)d.Name).Concat(builders).ToList();
        }

        private static bool Is(ITypeSymbol type, INamedTypeSymbol wanted)
            => SymbolEqualityComparer.Default.Equals(type, wanted)
                || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, wanted));
    }
}
