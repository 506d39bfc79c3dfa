using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// The OpenAI client APIs whose credential KL0007 watches, resolved once per compilation.
    /// Every member is null when its library is not referenced; <see cref="IsEmpty"/> then tells the
    /// analyzer to register nothing at all.
    /// </summary>
    internal sealed class CredentialTargets
    {
        /// <summary>
        /// The libraries whose constructors take an API key as a string (or as a type a string converts
        /// to), by assembly name, and whether that key is an Azure OpenAI key. Their types are found in
        /// the assemblies (<see cref="CredentialConstructors"/>).
        /// </summary>
        private static readonly ImmutableDictionary<string, bool> s_apiKeyLibraries = new Dictionary<string, bool>
        {
            ["OpenAI"] = false,
            // OpenAI-API-dotnet (package OpenAI 1.x): new OpenAIAPI("…"), new APIAuthentication("…").
            ["OpenAI_API"] = false,
            // Azure.AI.OpenAI 1.0 betas: new OpenAIClient(openAIApiKey) calls OpenAI itself; their Azure
            // path takes an AzureKeyCredential.
            ["Azure.AI.OpenAI"] = false,
            ["Microsoft.SemanticKernel.Connectors.OpenAI"] = false,
            ["Microsoft.SemanticKernel.Connectors.AzureOpenAI"] = true,
        }.ToImmutableDictionary(StringComparer.Ordinal);

        /// <summary>
        /// The libraries whose clients take an <c>AzureKeyCredential</c> (or an <c>ApiKeyCredential</c>)
        /// for an Azure OpenAI deployment: Azure.AI.OpenAI, and Azure AI Inference, which serves Azure
        /// OpenAI deployments too.
        /// </summary>
        private static readonly ImmutableHashSet<string> s_azureClientLibraries = ImmutableHashSet.Create(StringComparer.Ordinal, "Azure.AI.OpenAI", "Azure.AI.Inference");

        private CredentialTargets(Compilation compilation)
        {
            // A type lookup searches every reference, and this runs for every new compilation (in the
            // IDE, every edit): look a library's types up only when an assembly of its name is
            // referenced — most compilations reference none of them. The types of an assembly are
            // searched once per assembly symbol, which compilations share.
            var referenced = new HashSet<string>(StringComparer.Ordinal);
            var constructors = new Dictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
            var azureClients = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            var positions = new Dictionary<string, ImmutableArray<int>>(StringComparer.Ordinal);
            foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                string name = assembly.Identity.Name;
                referenced.Add(name);
                ReferencesTestFramework |= TestCode.IsTestFramework(name);
                if (s_apiKeyLibraries.TryGetValue(name, out bool isAzure))
                {
                    foreach ((INamedTypeSymbol type, ImmutableArray<int> typePositions) in CredentialConstructors.TypesOf(assembly))
                    {
                        constructors[type] = isAzure;
                        AddPositions(positions, type.Name, typePositions);
                    }
                }

                if (s_azureClientLibraries.Contains(name))
                {
                    azureClients.UnionWith(CredentialConstructors.CredentialObjectClientsOf(assembly));
                }
            }

            INamedTypeSymbol? TypeFrom(string assembly, string metadataName)
                => referenced.Contains(assembly) ? compilation.GetTypeByMetadataName(metadataName) : null;

            _apiKeyConstructors = constructors;
            AzureClients = azureClients.ToImmutable();
            ApiKeyCredential = TypeFrom("System.ClientModel", "System.ClientModel.ApiKeyCredential");
            // Resolved wherever ApiKeyCredential is watched too: Azure.Core's AzureKeyCredential derives
            // from it, and must not be taken for one.
            AzureKeyCredential = AzureClients.Count == 0 && ApiKeyCredential is null ? null : TypeFrom("Azure.Core", "Azure.AzureKeyCredential");
            foreach (INamedTypeSymbol? credential in new[] { ApiKeyCredential, WatchesAzureKeyCredential ? AzureKeyCredential : null })
            {
                if (credential is not null)
                {
                    AddPositions(positions, credential.Name, CredentialConstructors.StringParameterPositions(credential, "key"));
                }
            }

            // Betalgo.Ranul.OpenAI 9.x names it OpenAIOptions; earlier versions OpenAiOptions.
            BetalgoOptions = TypeFrom("Betalgo.Ranul.OpenAI", "Betalgo.Ranul.OpenAI.OpenAIOptions")
                ?? TypeFrom("Betalgo.Ranul.OpenAI", "Betalgo.Ranul.OpenAI.OpenAiOptions");
            HasSemanticKernelConnectors = referenced.Any(IsSemanticKernelConnector);

            // The HTTP types live in System.Net.Http, netstandard or the framework, depending on the
            // target: they are looked up the first time a header literal passes the syntax checks.
            _httpTypes = new Lazy<(INamedTypeSymbol?, INamedTypeSymbol?)>(
                () => (compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue"), compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpHeaders")),
                LazyThreadSafetyMode.ExecutionAndPublication);
            _credentialPositions = positions.ToImmutableDictionary(StringComparer.Ordinal);
            _constructorTypeNames = _credentialPositions.Keys.ToArray();
            TextTriggers = Triggers();
        }

        /// <summary>Same-named types (OpenAI's and Azure.AI.OpenAI 1.x's <c>OpenAIClient</c>) share one entry: the union of their positions.</summary>
        private static void AddPositions(Dictionary<string, ImmutableArray<int>> positions, string typeName, ImmutableArray<int> found)
            => positions[typeName] = positions.TryGetValue(typeName, out ImmutableArray<int> earlier)
                ? earlier.Union(found).OrderBy(p => p).ToImmutableArray()
                : found;

        /// <summary>
        /// The texts to search for: one a watched name must contain. A text that contains another is
        /// left out (every Semantic Kernel service name contains "OpenAI"): each text is one more pass
        /// over the file.
        /// </summary>
        private ImmutableArray<string> Triggers()
        {
            var triggers = new List<string>();
            if (WatchesConstructors)
            {
                triggers.Add("Client");
                triggers.Add("Credential");
                triggers.AddRange(_constructorTypeNames);
            }

            if (HasSemanticKernelConnectors)
            {
                triggers.Add(SemanticKernelMethodWord);
            }

            if (WatchesCredentialUpdates)
            {
                triggers.Add(UpdateMethod);
            }

            if (WatchesAssignments)
            {
                triggers.Add(ApiKeyProperty);
            }

            return triggers
                .Where(t => !triggers.Any(other => other.Length < t.Length && t.IndexOf(other, StringComparison.Ordinal) >= 0))
                .Distinct(StringComparer.Ordinal)
                .ToImmutableArray();
        }

        /// <summary>Every Semantic Kernel connector method that takes an API key names OpenAI (<c>AddOpenAIChatCompletion</c>, <c>AddAzureOpenAI…</c>).</summary>
        private const string SemanticKernelMethodWord = "OpenAI";

        private const string ApiKeyProperty = "ApiKey";

        /// <summary><c>ApiKeyCredential.Update(key)</c> and <c>AzureKeyCredential.Update(key)</c>: a rotated credential.</summary>
        private const string UpdateMethod = "Update";

        /// <summary>The types whose constructors take an API key directly, and whether it is an Azure OpenAI key.</summary>
        private readonly Dictionary<INamedTypeSymbol, bool> _apiKeyConstructors;

        /// <summary>The watched constructors, by type name, with their string-credential argument positions.</summary>
        private readonly ImmutableDictionary<string, ImmutableArray<int>> _credentialPositions;

        /// <summary>The keys of <see cref="_credentialPositions"/>, for lookups by span (no string made).</summary>
        private readonly string[] _constructorTypeNames;

        /// <summary>
        /// The argument positions at which some constructor of a watched type called
        /// <paramref name="typeName"/> takes a string credential; default when the name is unknown.
        /// </summary>
        public ImmutableArray<int> CredentialPositions(string typeName)
            => _credentialPositions.TryGetValue(typeName, out ImmutableArray<int> positions) ? positions : default;

        /// <summary>The texts a file must contain to hold a watched call (searched for first, vectorised).</summary>
        public ImmutableArray<string> TextTriggers { get; }

        /// <summary>True when the compilation references a test framework (xunit, NUnit, MSTest, TUnit): see <see cref="TestCode"/>.</summary>
        public bool ReferencesTestFramework { get; }

        /// <summary>Whether an identifier may name a watched API (the semantic model decides for sure).</summary>
        public bool IsWatchedName(ReadOnlySpan<char> name)
        {
            if (HasSemanticKernelConnectors && name.IndexOf(SemanticKernelMethodWord.AsSpan(), StringComparison.Ordinal) >= 0)
            {
                return true;
            }

            if (WatchesCredentialUpdates && name.SequenceEqual(UpdateMethod.AsSpan()))
            {
                return true;
            }

            if (WatchesAssignments && name.SequenceEqual(ApiKeyProperty.AsSpan()))
            {
                return true;
            }

            if (WatchesConstructors)
            {
                // A few dozen names at most; no string is made for the lookup.
                foreach (string typeName in _constructorTypeNames)
                {
                    if (name.SequenceEqual(typeName.AsSpan()))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private readonly Lazy<(INamedTypeSymbol? AuthenticationHeaderValue, INamedTypeSymbol? HttpHeaders)> _httpTypes;

        /// <summary><c>new AuthenticationHeaderValue("Bearer", token)</c>: how code calls OpenAI's REST API without a client library.</summary>
        public INamedTypeSymbol? AuthenticationHeaderValue => _httpTypes.Value.AuthenticationHeaderValue;

        /// <summary><c>headers.Add("Authorization", "Bearer " + token)</c> and <c>TryAddWithoutValidation</c>.</summary>
        public INamedTypeSymbol? HttpHeaders => _httpTypes.Value.HttpHeaders;

        /// <summary>
        /// True, with whether the key is an Azure OpenAI key, when <paramref name="type"/>'s constructors
        /// take an API key directly: the OpenAI SDK's clients, Semantic Kernel's services,
        /// OpenAI-API-dotnet's <c>OpenAIAPI</c> and <c>APIAuthentication</c>, Azure.AI.OpenAI 1.x's <c>OpenAIClient</c>.
        /// </summary>
        public bool TakesApiKey(INamedTypeSymbol type, out bool isAzure) => _apiKeyConstructors.TryGetValue(type.OriginalDefinition, out isAzure);

        /// <summary><c>new ApiKeyCredential(key)</c> (System.ClientModel), which OpenAI 2.x clients take.</summary>
        public INamedTypeSymbol? ApiKeyCredential { get; }

        /// <summary><c>new AzureKeyCredential(key)</c> (Azure.Core), watched where it is given to one of <see cref="AzureClients"/>.</summary>
        public INamedTypeSymbol? AzureKeyCredential { get; }

        /// <summary>An Azure OpenAI or AI Inference library is referenced: without one, an AzureKeyCredential is another Azure service's.</summary>
        public bool WatchesAzureKeyCredential => AzureKeyCredential is not null && AzureClients.Count > 0;

        /// <summary>The Azure OpenAI and Azure AI Inference clients that take a credential object (<c>AzureOpenAIClient</c>, <c>ChatCompletionsClient</c>, …).</summary>
        public ImmutableHashSet<INamedTypeSymbol> AzureClients { get; }

        /// <summary>Betalgo.Ranul.OpenAI: <c>OpenAIOptions.ApiKey = …</c>.</summary>
        public INamedTypeSymbol? BetalgoOptions { get; }

        /// <summary>Semantic Kernel's OpenAI and Azure OpenAI connectors: the <c>apiKey</c> of their builder methods.</summary>
        public bool HasSemanticKernelConnectors { get; }

        public bool WatchesConstructors => _apiKeyConstructors.Count > 0 || ApiKeyCredential is not null || WatchesAzureKeyCredential;

        public bool WatchesInvocations => HasSemanticKernelConnectors || WatchesCredentialUpdates;

        /// <summary><c>Update(key)</c> of the credential objects: <c>ApiKeyCredential</c> always, <c>AzureKeyCredential</c> where one of <see cref="AzureClients"/> takes it.</summary>
        public bool WatchesCredentialUpdates => ApiKeyCredential is not null || WatchesAzureKeyCredential;

        public bool WatchesAssignments => BetalgoOptions is not null;

        /// <summary>True when no client library is referenced (bearer tokens are looked for text-first either way).</summary>
        public bool IsEmpty => !WatchesConstructors && !WatchesInvocations && !WatchesAssignments;

        public static CredentialTargets Resolve(Compilation compilation) => new CredentialTargets(compilation);

        /// <summary>True when <paramref name="type"/> is the watched type <paramref name="baseType"/> or derives from it; false when the latter is not resolved.</summary>
        public static bool IsOrDerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            for (ITypeSymbol? current = type; current is not null && baseType is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsSemanticKernelConnector(string assemblyName)
            => assemblyName.StartsWith("Microsoft.SemanticKernel.Connectors.OpenAI", StringComparison.Ordinal)
                || assemblyName.StartsWith("Microsoft.SemanticKernel.Connectors.AzureOpenAI", StringComparison.Ordinal);

        /// <summary>
        /// True for an API whose key is an Azure OpenAI key (Semantic Kernel's Azure OpenAI connector:
        /// <see cref="s_apiKeyLibraries"/> decides, for methods and constructors alike): its fixes read <c>AZURE_OPENAI_API_KEY</c>.
        /// </summary>
        public static bool IsAzure(ISymbol symbol)
            => symbol.ContainingAssembly is IAssemblySymbol assembly && s_apiKeyLibraries.TryGetValue(assembly.Identity.Name, out bool isAzure) && isAzure;
    }
}
