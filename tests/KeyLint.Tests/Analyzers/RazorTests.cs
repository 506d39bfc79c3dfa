using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Tests.Analyzers
{
    /// <summary>
    /// Razor (issue 13), as the IDE sees it: the build and the IDE run the Razor source generator and
    /// the analyzers on the trees it generates, and show a diagnostic at the place its <c>#line</c>
    /// directives map it to. Here a generator adds the C# that the Razor generator of SDK 10.0.401 made
    /// of the files in <see cref="EndToEnd.RazorPackageTests"/> (read from <c>obj/</c> with
    /// <c>EmitCompilerGeneratedFiles</c>), under its hint names; the diagnostics' mapped spans are the
    /// Razor lines that <c>dotnet build</c> prints there.
    /// </summary>
    public class RazorTests
    {
        private const string ComponentPath = "/src/RazorApp/Components/Pages/Home.razor";
        private const string PagePath = "/src/RazorApp/Pages/Index.cshtml";
        private const string Placeholder = "OpenAIClient (apiKey)";

        /// <summary>The ASP.NET Core types the generated code uses: the generated trees compile without errors.</summary>
        private const string AspNetCore = """
            namespace Microsoft.AspNetCore.Components
            {
                public sealed class RouteAttribute : System.Attribute { public RouteAttribute(string template) { } }
                public abstract class ComponentBase { protected virtual void BuildRenderTree(Rendering.RenderTreeBuilder builder) { } }
            }
            namespace Microsoft.AspNetCore.Components.Rendering
            {
                public sealed class RenderTreeBuilder
                {
                    public void AddMarkupContent(int sequence, string? markupContent) { }
                    public void OpenElement(int sequence, string elementName) { }
                    public void AddContent(int sequence, string? textContent) { }
                    public void CloseElement() { }
                }
            }
            namespace Microsoft.AspNetCore.Razor.Hosting
            {
                [System.AttributeUsage(System.AttributeTargets.Assembly, AllowMultiple = true)]
                public sealed class RazorCompiledItemAttribute : System.Attribute { public RazorCompiledItemAttribute(System.Type type, string kind, string identifier) { } }
                [System.AttributeUsage(System.AttributeTargets.Class, AllowMultiple = true)]
                public sealed class RazorCompiledItemMetadataAttribute : System.Attribute { public RazorCompiledItemMetadataAttribute(string key, string value) { } }
            }
            namespace Microsoft.AspNetCore.Mvc
            {
                public interface IUrlHelper { }
                public interface IViewComponentHelper { }
            }
            namespace Microsoft.AspNetCore.Mvc.Razor.Internal
            {
                public sealed class RazorInjectAttribute : System.Attribute { }
            }
            namespace Microsoft.AspNetCore.Mvc.Rendering
            {
                public interface IJsonHelper { }
                public interface IHtmlHelper<TModel> { }
            }
            namespace Microsoft.AspNetCore.Mvc.ViewFeatures
            {
                public interface IModelExpressionProvider { }
                public class ViewDataDictionary { }
                public class ViewDataDictionary<TModel> : ViewDataDictionary { public TModel Model => default!; }
            }
            namespace Microsoft.AspNetCore.Mvc.RazorPages
            {
                public class PageContext { public Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary ViewData { get; } = new(); }
                public abstract class Page
                {
                    public PageContext PageContext { get; set; } = new();
                    public abstract System.Threading.Tasks.Task ExecuteAsync();
                    public void WriteLiteral(string? value) { }
                    public void Write(object? value) { }
                }
            }
            """;

        private static readonly ImmutableArray<MetadataReference> References = TestReferences.Net80References.AddRange(ClientLibraries.References);

        [Fact]
        public async Task KeysAndCredentialsInAComponent_ShouldReportAtTheirRazorLines()
        {
            string expression = FakeKeys.Project(seed: 1301), markup = FakeKeys.Project(seed: 1302), field = FakeKeys.ServiceAccount(seed: 1303);
            string local = FakeKeys.Admin(seed: 1304), comment = FakeKeys.LegacyUser(seed: 1305);
            string generated = $$"""
                #pragma checksum "{{ComponentPath}}" "{8829d00f-11b8-4213-878b-770e8597ac16}" "aebaf6d2ea77a2ee2d15e490497f41fcbf60bcc58ad613907091f744d8bfc8ca"
                // <auto-generated/>
                #pragma warning disable 1591
                namespace RazorApp.Components.Pages
                {
                    #line default
                    using global::System;
                    using global::System.Collections.Generic;
                    using global::System.Linq;
                    using global::System.Threading.Tasks;
                    using global::Microsoft.AspNetCore.Components;
                    #line default
                    #line hidden
                    [global::Microsoft.AspNetCore.Components.RouteAttribute(
                    // language=Route,Component
                #nullable restore
                #line (1,7)-(1,10) "{{ComponentPath}}"
                "/"

                #line default
                #line hidden
                #nullable disable
                    )]
                    #nullable restore
                    public partial class Home : global::Microsoft.AspNetCore.Components.ComponentBase
                    #nullable disable
                    {
                        #pragma warning disable 1998
                        protected override void BuildRenderTree(global::Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder __builder)
                        {
                            __builder.AddMarkupContent(0, "<h1>Home</h1>\n");
                            __builder.OpenElement(1, "p");
                #nullable restore
                #line (3,6)-(3,{{6 + expression.Length + 2}}) 24 "{{ComponentPath}}"
                __builder.AddContent(2, "{{expression}}"

                #line default
                #line hidden
                #nullable disable
                            );
                            __builder.CloseElement();
                            __builder.AddMarkupContent(3, "\n");
                            __builder.AddMarkupContent(4, "<p>{{markup}}</p>");
                        }
                        #pragma warning restore 1998
                #nullable restore
                #line (5,8)-(16,1) "{{ComponentPath}}"

                    private string _key = "{{field}}";

                    private void Run()
                    {
                        var local = "{{local}}";
                        // old: {{comment}}
                    }

                    private OpenAI.OpenAIClient _client = new OpenAI.OpenAIClient("placeholder-key");
                    private System.ClientModel.ApiKeyCredential Credential() => new System.ClientModel.ApiKeyCredential("another-placeholder");

                #line default
                #line hidden
                #nullable disable

                    }
                }
                #pragma warning restore 1591
                """;

            string source = $$"""
                @page "/"
                <h1>Home</h1>
                <p>@("{{expression}}")</p>
                <p>{{markup}}</p>
                @code {
                    private string _key = "{{field}}";

                    private void Run()
                    {
                        var local = "{{local}}";
                        // old: {{comment}}
                    }

                    private OpenAI.OpenAIClient _client = new OpenAI.OpenAIClient("placeholder-key");
                    private System.ClientModel.ApiKeyCredential Credential() => new System.ClientModel.ApiKeyCredential("another-placeholder");
                }
                """;

            string[] diagnostics = await AnalyzeAsync(new[] { (ComponentPath, source) }, ("Components/Pages/Home_razor.g.cs", generated));

            Assert.Equal(
                new[]
                {
                    Expected(KeyKinds.InCode("Project", expression), $"Home.razor(3,7)-(3,{7 + expression.Length})"),

                    // Markup text is under #line hidden in the generated file: reported in the Razor file (KL0009), not there.
                    Expected(Markup("Project", markup, "Home.razor"), At(source, markup, "Home.razor")),

                    Expected(KeyKinds.InCode("ServiceAccount", field), $"Home.razor(6,28)-(6,{28 + field.Length})"),
                    Expected(KeyKinds.InCode("Admin", local), $"Home.razor(10,22)-(10,{22 + local.Length})"),
                    Expected(KeyKinds.InComment("LegacyUser", comment, "a comment"), $"Home.razor(11,17)-(11,{17 + comment.Length})"),
                    Expected(Credential(Placeholder), "Home.razor(14,67)-(14,84)"),
                    Expected(Credential("ApiKeyCredential (key)"), "Home.razor(15,105)-(15,126)"),
                },
                diagnostics);

            // In the IDE the file may already be shorter than the generated tree knows (typing ahead of the
            // generator): its mappings point past the text's end. The markup key is still found, nothing throws.
            string typedAhead = source.Substring(0, source.IndexOf("@code", StringComparison.Ordinal));
            string[] whileTyping = await AnalyzeAsync(new[] { (ComponentPath, typedAhead) }, ("Components/Pages/Home_razor.g.cs", generated));
            Assert.Contains(Expected(Markup("Project", markup, "Home.razor"), At(typedAhead, markup, "Home.razor")), whileTyping);
        }

        [Fact]
        public async Task KeysAndCredentialsInAPage_ShouldReportAtTheirRazorLines()
        {
            string block = FakeKeys.Project(seed: 1311), azure = FakeAzureKeys.Create(seed: 1312), expression = FakeKeys.Project(seed: 1313);
            string markup = FakeKeys.Project(seed: 1314), script = FakeKeys.Project(seed: 1315), htmlComment = FakeKeys.Project(seed: 1316);
            string functions = FakeKeys.Project(seed: 1318), razorComment = FakeKeys.Project(seed: 1317);
            string generated = $$"""
                #pragma checksum "{{PagePath}}" "{8829d00f-11b8-4213-878b-770e8597ac16}" "f0325826b3f84a6b78178288d798284a6277013abb09421429c7f9ffc791606e"
                // <auto-generated/>
                #pragma warning disable 1591
                [assembly: global::Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemAttribute(typeof(AspNetCoreGeneratedDocument.Pages_Index), @"mvc.1.0.razor-page", @"/Pages/Index.cshtml")]
                namespace AspNetCoreGeneratedDocument
                {
                    #line default
                    using global::System;
                    using global::System.Collections.Generic;
                    using global::System.Linq;
                    using global::System.Threading.Tasks;
                    using global::Microsoft.AspNetCore.Mvc;
                    using global::Microsoft.AspNetCore.Mvc.Rendering;
                    using global::Microsoft.AspNetCore.Mvc.ViewFeatures;
                    #line default
                    #line hidden
                    [global::Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemMetadataAttribute("Identifier", "/Pages/Index.cshtml")]
                    [global::System.Runtime.CompilerServices.CreateNewOnMetadataUpdateAttribute]
                    #nullable restore
                    internal sealed class Pages_Index : global::Microsoft.AspNetCore.Mvc.RazorPages.Page
                    #nullable disable
                    {
                        #pragma warning disable 1998
                        public async override global::System.Threading.Tasks.Task ExecuteAsync()
                        {
                #nullable restore
                #line (2,3)-(6,1) "{{PagePath}}"

                    var key = "{{block}}";
                    var azure = "{{azure}}";
                    var client = new OpenAI.OpenAIClient("block-placeholder");

                #line default
                #line hidden
                #nullable disable

                            WriteLiteral("<p>");
                #nullable restore
                #line (7,6)-(7,{{6 + expression.Length + 2}}) 6 "{{PagePath}}"
                Write("{{expression}}"

                #line default
                #line hidden
                #nullable disable
                            );
                            WriteLiteral(@"</p>
                <p>{{markup}}</p>
                <script>const key = ""{{script}}"";</script>
                <!-- {{htmlComment}} -->
                ");
                        }
                        #pragma warning restore 1998
                #nullable restore
                #line (12,13)-(15,1) "{{PagePath}}"

                    private const string Key = "{{functions}}";
                    private OpenAI.OpenAIClient Create() => new OpenAI.OpenAIClient("functions-placeholder");

                #line default
                #line hidden
                #nullable disable

                        #nullable restore
                        [global::Microsoft.AspNetCore.Mvc.Razor.Internal.RazorInjectAttribute]
                        public global::Microsoft.AspNetCore.Mvc.ViewFeatures.IModelExpressionProvider ModelExpressionProvider { get; private set; } = default!;
                        #nullable disable
                        #nullable restore
                        [global::Microsoft.AspNetCore.Mvc.Razor.Internal.RazorInjectAttribute]
                        public global::Microsoft.AspNetCore.Mvc.IUrlHelper Url { get; private set; } = default!;
                        #nullable disable
                        #nullable restore
                        [global::Microsoft.AspNetCore.Mvc.Razor.Internal.RazorInjectAttribute]
                        public global::Microsoft.AspNetCore.Mvc.IViewComponentHelper Component { get; private set; } = default!;
                        #nullable disable
                        #nullable restore
                        [global::Microsoft.AspNetCore.Mvc.Razor.Internal.RazorInjectAttribute]
                        public global::Microsoft.AspNetCore.Mvc.Rendering.IJsonHelper Json { get; private set; } = default!;
                        #nullable disable
                        #nullable restore
                        [global::Microsoft.AspNetCore.Mvc.Razor.Internal.RazorInjectAttribute]
                        public global::Microsoft.AspNetCore.Mvc.Rendering.IHtmlHelper<Pages_Index> Html { get; private set; } = default!;
                        #nullable disable
                        #nullable restore
                public global::Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary<Pages_Index> ViewData => (global::Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary<Pages_Index>)PageContext?.ViewData!;
                #nullable disable
                        public Pages_Index Model => ViewData.Model;
                    }
                }
                #pragma warning restore 1591
                """;

            string source = $$"""
                @page
                @{
                    var key = "{{block}}";
                    var azure = "{{azure}}";
                    var client = new OpenAI.OpenAIClient("block-placeholder");
                }
                <p>@("{{expression}}")</p>
                <p>{{markup}}</p>
                <script>const key = "{{script}}";</script>
                <!-- {{htmlComment}} -->
                @* {{razorComment}} *@
                @functions {
                    private const string Key = "{{functions}}";
                    private OpenAI.OpenAIClient Create() => new OpenAI.OpenAIClient("functions-placeholder");
                }
                """;

            string[] diagnostics = await AnalyzeAsync(new[] { (PagePath, source) }, ("Pages/Index_cshtml.g.cs", generated));

            Assert.Equal(
                new[]
                {
                    Expected(KeyKinds.InCode("Project", block), $"Index.cshtml(3,16)-(3,{16 + block.Length})"),
                    Expected(KeyKinds.InCode("AzureOpenAI", azure), $"Index.cshtml(4,18)-(4,{18 + azure.Length})"),
                    Expected(Credential(Placeholder), "Index.cshtml(5,42)-(5,61)"),
                    Expected(KeyKinds.InCode("Project", expression), $"Index.cshtml(7,7)-(7,{7 + expression.Length})"),

                    // One WriteLiteral under #line hidden in the generated file: reported in the page, where they are
                    // sent to the browser (an HTML comment too); the Razor comment is dropped by Razor: KL0005.
                    Expected(Markup("Project", markup, "Index.cshtml"), At(source, markup, "Index.cshtml")),
                    Expected(Markup("Project", script, "Index.cshtml"), At(source, script, "Index.cshtml")),
                    Expected(Markup("Project", htmlComment, "Index.cshtml"), At(source, htmlComment, "Index.cshtml")),
                    Expected(KeyKinds.InComment("Project", razorComment, "a Razor comment"), At(source, razorComment, "Index.cshtml")),

                    Expected(KeyKinds.InCode("Project", functions), $"Index.cshtml(13,33)-(13,{33 + functions.Length})"),
                    Expected(Credential(Placeholder), "Index.cshtml(14,69)-(14,92)"),

                },
                diagnostics);
        }

        /// <summary>
        /// KL0007 in generated code: on where a <c>#line</c> directive maps the code to a Razor file,
        /// whichever form it takes (the enhanced form of today's generator, the plain form of older ones
        /// and of design-time documents, a file extension in capitals).
        /// </summary>
        [Theory]
        [InlineData("#line (3,5)-(3,80) \"/src/RazorApp/Pages/Index.cshtml\"", "Index.cshtml(3,65)-(3,82)")]
        [InlineData("#line 3 \"/src/RazorApp/Components/Pages/Home.razor\"", "Home.razor(3,61)-(3,78)")]
        [InlineData("#line 3 \"C:\\src\\RazorApp\\Views\\Home\\Index.CSHTML\"", "Index.CSHTML(3,61)-(3,78)")]
        public async Task CredentialUnderALineDirectiveToARazorFile_ShouldReport(string directive, string place)
        {
            string generated = $$"""
                // <auto-generated/>
                class Generated
                {
                {{directive}}
                    OpenAI.OpenAIClient Client() => new OpenAI.OpenAIClient("placeholder-key");
                #line default
                }
                """;

            Assert.Equal(new[] { Expected(Credential(Placeholder), place) }, await AnalyzeAsync(("Generated.g.cs", generated)));
        }

        /// <summary>
        /// Other generated code stays out of KL0007, as before: no directive; <c>.razor"</c> in a string
        /// but no directive; a directive to a file that is not Razor's; <c>#line hidden</c> only. Keys in
        /// it are still reported (KL0001).
        /// </summary>
        [Theory]
        [InlineData("")]
        [InlineData("const string Page = \"Pages/Home.razor\"; const string View = \"Views/Index.cshtml\";")]
        [InlineData("#line 1 \"/src/RazorApp/Templates/Clients.tt\"")]
        [InlineData("#line hidden")]
        public async Task CredentialInOtherGeneratedCode_ShouldNotReport(string directive)
        {
            string key = FakeKeys.Project(seed: 1321);
            string generated = $$"""
                // <auto-generated/>
                class Generated
                {
                {{directive}}
                    OpenAI.OpenAIClient Client() => new OpenAI.OpenAIClient("placeholder-key");
                    string Key = "{{key}}";
                }
                """;

            string[] diagnostics = await AnalyzeAsync(("Generated.g.cs", generated));

            Assert.Equal(new[] { KeyLintDescriptors.KL0001_HardcodedProjectKey.Id }, diagnostics.Select(d => d.Split(' ')[0]));
        }

        private static DiagnosticResult Credential(string what)
            => new DiagnosticResult(KeyLintDescriptors.KL0007_HardcodedCredential).WithArguments(what);

        private static DiagnosticResult Markup(string kind, string key, string file)
            => new DiagnosticResult(KeyLintDescriptors.KL0009_KeyInWebAsset).WithArguments("OpenAI " + KeyKinds.DisplayName(kind), FakeKeys.Redacted(key, KeyKinds.Prefix(kind)), "the markup of " + file);

        /// <summary>Where <paramref name="key"/> is in <paramref name="source"/>, as <see cref="Describe"/> writes a span.</summary>
        private static string At(string source, string key, string file)
        {
            (int line, int column) = TextPositions.Of(source, key);
            return $"{file}({line},{column})-({line},{column + key.Length})";
        }

        /// <summary>A diagnostic as <see cref="Describe"/> writes it.</summary>
        private static string Expected(DiagnosticResult result, string place)
            => $"{result.Id} {place}: {string.Format(CultureInfo.InvariantCulture, result.MessageFormat!.ToString(CultureInfo.InvariantCulture), result.MessageArguments!)}";

        /// <summary>ID, mapped file name and span (1-based, as the build prints them) and message.</summary>
        private static string Describe(Diagnostic diagnostic)
        {
            FileLinePositionSpan span = diagnostic.Location.GetMappedLineSpan();
            LinePosition start = span.StartLinePosition, end = span.EndLinePosition;
            string file = span.Path.Substring(span.Path.LastIndexOfAny(new[] { '/', '\\' }) + 1);
            return $"{diagnostic.Id} {file}({start.Line + 1},{start.Character + 1})-({end.Line + 1},{end.Character + 1}): {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
        }

        /// <summary>
        /// The KeyLint diagnostics of a project whose generator adds <paramref name="generated"/> (hint
        /// name, text), as the Razor generator adds its trees in the build and in the IDE.
        /// </summary>
        private static Task<string[]> AnalyzeAsync(params (string HintName, string Text)[] generated)
            => AnalyzeAsync(Array.Empty<(string, string)>(), generated);

        /// <summary>As above, with the Razor files themselves as additional files, as the Razor SDK passes them.</summary>
        private static async Task<string[]> AnalyzeAsync((string Path, string Text)[] razorFiles, params (string HintName, string Text)[] generated)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            CSharpCompilation compilation = CSharpCompilation.Create(
                "RazorApp",
                new[] { CSharpSyntaxTree.ParseText(AspNetCore, parseOptions, path: "/src/RazorApp/AspNetCore.cs") },
                References,
                TestReferences.WithSdkDefaults(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new FixedOutputGenerator(generated).AsSourceGenerator() }, parseOptions: parseOptions);
            driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation withGenerated, out ImmutableArray<Diagnostic> generatorDiagnostics);
            Assert.Empty(generatorDiagnostics);
            Assert.Empty(withGenerated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var exceptions = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
            CompilationWithAnalyzers analysis = withGenerated.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedOpenAIKeyAnalyzer(), new HardcodedCredentialAnalyzer(), new KeyInProjectFileAnalyzer()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(razorFiles.Select(f => (AdditionalText)new KeyLint.Tests.Reliability.InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray()), (e, _, _) => exceptions.Enqueue(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            ImmutableArray<Diagnostic> diagnostics = await analysis.GetAnalyzerDiagnosticsAsync();
            Assert.Empty(exceptions);
            return diagnostics
                .OrderBy(d => d.Location.GetMappedLineSpan().Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.GetMappedLineSpan().StartLinePosition)
                .Select(Describe)
                .ToArray();
        }

        /// <summary>Adds fixed texts under fixed hint names, as a source generator.</summary>
        private sealed class FixedOutputGenerator : IIncrementalGenerator
        {
            private readonly (string HintName, string Text)[] _sources;

            public FixedOutputGenerator((string HintName, string Text)[] sources) => _sources = sources;

            public void Initialize(IncrementalGeneratorInitializationContext context)
                => context.RegisterPostInitializationOutput(output =>
                {
                    foreach ((string hintName, string text) in _sources)
                    {
                        output.AddSource(hintName, SourceText.From(text, Encoding.UTF8));
                    }
                });
        }
    }
}
