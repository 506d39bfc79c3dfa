using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// The constructors of a client library that take a credential, found in its assembly rather
    /// than listed by hand: a list of types goes stale with every release (the OpenAI SDK adds a
    /// <c>…Client</c>, Semantic Kernel a <c>…Service</c>), the parameter's name does not.
    /// </summary>
    /// <remarks>
    /// A credential parameter is one whose name holds <c>apiKey</c> (<c>apiKey</c>, <c>apiKeys</c>,
    /// <c>openAIApiKey</c>) and whose type is <c>string</c>, or a type of the library that a string
    /// converts to implicitly (OpenAI-API-dotnet's <c>APIAuthentication</c>, which
    /// <c>new OpenAIAPI("…")</c> takes). Each assembly is searched once, whatever the number of
    /// compilations that reference it.
    /// </remarks>
    internal static class CredentialConstructors
    {
        // Boxed: a ConditionalWeakTable holds reference types only.
        private static readonly ConditionalWeakTable<IAssemblySymbol, StrongBox<ImmutableArray<(INamedTypeSymbol Type, ImmutableArray<int> Positions)>>> s_credentialTypes =
            new ConditionalWeakTable<IAssemblySymbol, StrongBox<ImmutableArray<(INamedTypeSymbol Type, ImmutableArray<int> Positions)>>>();

        /// <summary>
        /// The public types of <paramref name="assembly"/> with a constructor that takes a credential
        /// parameter, each with the argument positions at which one of its constructors does.
        /// </summary>
        public static ImmutableArray<(INamedTypeSymbol Type, ImmutableArray<int> Positions)> TypesOf(IAssemblySymbol assembly)
            => s_credentialTypes.GetValue(
                assembly,
                a => new StrongBox<ImmutableArray<(INamedTypeSymbol, ImmutableArray<int>)>>(
                    PublicTypes(a).Select(t => (t, CredentialPositions(t))).Where(entry => entry.Item2.Length > 0).ToImmutableArray())).Value;

        private static readonly ConditionalWeakTable<IAssemblySymbol, StrongBox<ImmutableArray<INamedTypeSymbol>>> s_credentialObjectClients = new ConditionalWeakTable<IAssemblySymbol, StrongBox<ImmutableArray<INamedTypeSymbol>>>();

        /// <summary>
        /// The public types of <paramref name="assembly"/> with a constructor that takes a credential
        /// object, an <c>AzureKeyCredential</c> or an <c>ApiKeyCredential</c> (<c>AzureOpenAIClient</c>,
        /// Azure AI Inference's <c>ChatCompletionsClient</c>).
        /// </summary>
        public static ImmutableArray<INamedTypeSymbol> CredentialObjectClientsOf(IAssemblySymbol assembly)
            => s_credentialObjectClients.GetValue(
                assembly,
                a => new StrongBox<ImmutableArray<INamedTypeSymbol>>(
                    PublicTypes(a).Where(t => t.InstanceConstructors.Any(c => IsVisible(c) && c.Parameters.Any(p => IsCredentialObject(p.Type)))).ToImmutableArray())).Value;

        private static bool IsCredentialObject(ITypeSymbol type) => type switch
        {
            INamedTypeSymbol { Name: "AzureKeyCredential", ContainingNamespace: { Name: "Azure", ContainingNamespace.IsGlobalNamespace: true } } => true,
            INamedTypeSymbol { Name: "ApiKeyCredential", ContainingNamespace: { Name: "ClientModel", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } => true,
            _ => false,
        };

        private static ImmutableArray<int> CredentialPositions(INamedTypeSymbol type)
        {
            var positions = new SortedSet<int>();
            foreach (IMethodSymbol constructor in type.InstanceConstructors)
            {
                if (!IsVisible(constructor))
                {
                    continue;
                }

                foreach (IParameterSymbol parameter in constructor.Parameters)
                {
                    if (IsCredentialParameter(parameter))
                    {
                        positions.Add(parameter.Ordinal);
                    }
                }
            }

            return positions.ToImmutableArray();
        }

        public static bool IsCredentialParameter(IParameterSymbol parameter)
            => parameter.Name.IndexOf("apiKey", StringComparison.OrdinalIgnoreCase) >= 0
                && (parameter.Type.SpecialType == SpecialType.System_String || ConvertsFromString(parameter.Type));

        /// <summary>The argument positions at which some constructor of <paramref name="type"/> takes a string named <paramref name="parameterName"/>.</summary>
        public static ImmutableArray<int> StringParameterPositions(INamedTypeSymbol type, string parameterName)
        {
            var positions = new SortedSet<int>();
            foreach (IMethodSymbol constructor in type.InstanceConstructors)
            {
                foreach (IParameterSymbol parameter in constructor.Parameters)
                {
                    if (parameter.Name == parameterName && parameter.Type.SpecialType == SpecialType.System_String)
                    {
                        positions.Add(parameter.Ordinal);
                    }
                }
            }

            return positions.ToImmutableArray();
        }

        /// <summary>A user-defined implicit conversion from string, declared by the type itself.</summary>
        private static bool ConvertsFromString(ITypeSymbol type)
            => type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named
                && named.GetMembers(WellKnownMemberNames.ImplicitConversionName).OfType<IMethodSymbol>()
                    .Any(m => m.Parameters.Length == 1 && m.Parameters[0].Type.SpecialType == SpecialType.System_String);

        private static bool IsVisible(IMethodSymbol constructor)
            => constructor.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal;

        private static IEnumerable<INamedTypeSymbol> PublicTypes(IAssemblySymbol assembly)
        {
            var namespaces = new Stack<INamespaceSymbol>();
            namespaces.Push(assembly.GlobalNamespace);
            while (namespaces.Count > 0)
            {
                INamespaceSymbol current = namespaces.Pop();
                foreach (INamespaceSymbol nested in current.GetNamespaceMembers())
                {
                    namespaces.Push(nested);
                }

                foreach (INamedTypeSymbol type in current.GetTypeMembers())
                {
                    if (type.DeclaredAccessibility == Accessibility.Public && !type.IsStatic && !type.IsAbstract)
                    {
                        yield return type;
                    }
                }
            }
        }
    }
}
