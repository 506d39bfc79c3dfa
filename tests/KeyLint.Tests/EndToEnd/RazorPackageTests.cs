using System;
using System.Linq;

namespace KeyLint.Tests.EndToEnd
{
    /// <summary>
    /// Razor (issue 13): a web project with <c>.razor</c> components and <c>.cshtml</c> pages that
    /// references the packed package, built once. Keys in C# — <c>@code</c>, <c>@functions</c>,
    /// <c>@{ }</c>, <c>@(…)</c> — are reported at their Razor line: the Razor generator copies that C#
    /// under <c>#line</c> directives. Keys in markup are reported in the Razor file too (KL0009: the
    /// markup is sent to every browser), and keys in comments Razor drops as comments (KL0005).
    /// </summary>
    public class RazorPackageTests : IClassFixture<PackedPackageFixture>
    {
        private readonly PackedPackageFixture _package;

        public RazorPackageTests(PackedPackageFixture package) => _package = package;

        [Fact]
        public void Build_ShouldReportKeysInRazorCodeAtTheirRazorLines_AndNothingInTheSameFilesWithoutKeys()
        {
            string componentExpression = FakeKeys.Project(seed: 1301);
            string componentMarkup = FakeKeys.Project(seed: 1302);
            string componentField = FakeKeys.ServiceAccount(seed: 1303);
            string componentLocal = FakeKeys.Admin(seed: 1304);
            string componentComment = FakeKeys.LegacyUser(seed: 1305);
            string componentScript = FakeKeys.Project(seed: 1306);
            string componentHtmlComment = FakeKeys.Project(seed: 1307);
            string componentRazorComment = FakeKeys.Project(seed: 1308);
            string pageBlock = FakeKeys.Project(seed: 1311);
            string pageAzure = FakeAzureKeys.Create(seed: 1312);
            string pageExpression = FakeKeys.Project(seed: 1313);
            string pageMarkup = FakeKeys.Project(seed: 1314);
            string pageScript = FakeKeys.Project(seed: 1315);
            string pageHtmlComment = FakeKeys.Project(seed: 1316);
            string pageRazorComment = FakeKeys.Project(seed: 1317);
            string pageFunctions = FakeKeys.Project(seed: 1318);

            string component = $$"""
                @page "/"
                <h1>Home</h1>
                <p>@("{{componentExpression}}")</p>
                <p>{{componentMarkup}}</p>
                @code {
                    private string _key = "{{componentField}}";

                    private void Run()
                    {
                        var local = "{{componentLocal}}";
                        // old: {{componentComment}}
                    }

                    private OpenAI.OpenAIClient _client = new OpenAI.OpenAIClient("placeholder-key");
                    private System.ClientModel.ApiKeyCredential Credential() => new System.ClientModel.ApiKeyCredential("another-placeholder");
                }
                """;
            string script = $$"""
                @page "/script"
                <script>const key = "{{componentScript}}";</script>
                <!-- {{componentHtmlComment}} -->
                @* {{componentRazorComment}} *@
                """;
            string page = $$"""
                @page
                @{
                    var key = "{{pageBlock}}";
                    var azure = "{{pageAzure}}";
                    var client = new OpenAI.OpenAIClient("block-placeholder");
                }
                <p>@("{{pageExpression}}")</p>
                <p>{{pageMarkup}}</p>
                <script>const key = "{{pageScript}}";</script>
                <!-- {{pageHtmlComment}} -->
                @* {{pageRazorComment}} *@
                @functions {
                    private const string Key = "{{pageFunctions}}";
                    private OpenAI.OpenAIClient Create() => new OpenAI.OpenAIClient("functions-placeholder");
                }
                """;

            // The same shapes without keys: the credential comes from configuration.
            string cleanComponent = """
                @page "/clean"
                @inject Microsoft.Extensions.Configuration.IConfiguration Configuration
                <p>@("not a key")</p>
                <script>const greeting = "hello";</script>
                @code {
                    private string _name = "clean";

                    private OpenAI.OpenAIClient Create() => new OpenAI.OpenAIClient(Configuration["OpenAI:ApiKey"]!);
                }
                """;
            string cleanPage = """
                @page
                @inject Microsoft.Extensions.Configuration.IConfiguration Configuration
                @{
                    var client = new OpenAI.OpenAIClient(Configuration["OpenAI:ApiKey"]!);
                }
                <p>@("not a key")</p>
                <script>const greeting = "hello";</script>
                @functions {
                    private const string Name = "clean";
                }
                """;

            string project = _package.CreateProject(
                "RazorApp",
                "Microsoft.NET.Sdk.Web",
                """<PackageReference Include="OpenAI" Version="2.15.0" />""",
                ("Program.cs", "Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args).Build().Run();\n"),
                ("Components/Pages/Home.razor", component),
                ("Components/Pages/Script.razor", script),
                ("Components/Pages/Clean.razor", cleanComponent),
                ("Pages/Index.cshtml", page),
                ("Pages/Clean.cshtml", cleanPage));

            (int exit, string output) = ProcessRunner.Run("dotnet", "build -nodeReuse:false", project, TimeSpan.FromMinutes(5));

            Assert.True(exit != 0, "KL0009 (a key in markup, sent to browsers) is an error by default\n" + DotnetFormatTests.Redact(output));
            Assert.Equal(
                new[]
                {
                    // C# in a component: @(…) in markup; a field, a local, a comment and two constant credentials in @code.
                    "Home.razor(10,22) warning KL0003", "Home.razor(11,17) warning KL0005", "Home.razor(14,67) warning KL0007",
                    "Home.razor(15,105) warning KL0007", "Home.razor(3,7) warning KL0001",

                    // A component's markup text: rendered into the browser, reported in the Razor file (not in the generated one).
                    "Home.razor(4,4) error KL0009",
                    "Home.razor(6,28) warning KL0002",

                    // C# in a page: @{ } (an OpenAI key, an Azure key, a constant credential), @(…), @functions.
                    "Index.cshtml(13,33) warning KL0001", "Index.cshtml(14,69) warning KL0007", "Index.cshtml(3,16) warning KL0001",
                    "Index.cshtml(4,18) warning KL0008", "Index.cshtml(5,42) warning KL0007", "Index.cshtml(7,7) warning KL0001",

                    // A page's markup text, <script> and HTML comment are sent to the browser; its Razor comment is not.
                    "Index.cshtml(10,6) error KL0009", "Index.cshtml(11,4) warning KL0005", "Index.cshtml(8,4) error KL0009", "Index.cshtml(9,22) error KL0009",

                    // A component's <script> is sent; its HTML comment and Razor comment are dropped by Blazor.
                    "Script.razor(2,22) error KL0009", "Script.razor(3,6) warning KL0005", "Script.razor(4,4) warning KL0005",
                }.OrderBy(w => w, StringComparer.Ordinal).ToArray(),
                PackageTests.Warnings(output));

            // The markup switch off: its reports go (KL0009 and the Razor comments' KL0005), the C#'s stay; the build passes.
            string[] withMarkup = PackageTests.Warnings(output);
            (exit, output) = ProcessRunner.Run("dotnet", "build -nodeReuse:false -p:KeyLintScanRazorMarkup=false", project, TimeSpan.FromMinutes(5));
            Assert.True(exit == 0, DotnetFormatTests.Redact(output));
            Assert.Equal(
                withMarkup.Where(w => !w.EndsWith("KL0009", StringComparison.Ordinal) && !(w.EndsWith("KL0005", StringComparison.Ordinal) && !w.StartsWith("Home.razor(11,17)", StringComparison.Ordinal))),
                PackageTests.Warnings(output));

            // dotnet format over the same project, with diagnostics in Razor files and their generated C#: it
            // runs to the end (a fix that threw would drop the whole Fix All) and leaves the Razor files as
            // they were (no fix is offered in generated code or in a file that is not C#).
            string[] razorFiles = { "Components/Pages/Home.razor", "Components/Pages/Script.razor", "Pages/Index.cshtml" };
            string[] before = razorFiles.Select(f => System.IO.File.ReadAllText(System.IO.Path.Combine(project, f))).ToArray();
            (exit, string formatOutput) = ProcessRunner.Run(
                "dotnet", "format analyzers RazorApp.csproj --no-restore --diagnostics KL0001 KL0002 KL0003 KL0005 KL0007 KL0008 KL0009 --severity info", project, TimeSpan.FromMinutes(5));
            Assert.True(exit == 0, "dotnet format failed:\n" + DotnetFormatTests.Redact(formatOutput));
            Assert.Equal(before, razorFiles.Select(f => System.IO.File.ReadAllText(System.IO.Path.Combine(project, f))));
            output += formatOutput;

            foreach (string key in new[]
            {
                componentExpression, componentMarkup, componentField, componentLocal, componentComment, componentScript, componentHtmlComment, componentRazorComment,
                pageBlock, pageAzure, pageExpression, pageMarkup, pageScript, pageHtmlComment, pageRazorComment, pageFunctions,
            })
            {
                Assert.False(output.Contains(key, StringComparison.Ordinal), "a whole key was printed");
            }
        }
    }
}
