using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis.Testing;

namespace KeyLint.Tests.Analyzers
{
    /// <summary>
    /// One file of each kind KL0006/KL0009 read, written the way projects write them, with a key
    /// planted where people put one (<c>{key}</c> in the template) — or a placeholder in its place.
    /// </summary>
    internal sealed record ProjectFileCase(string Path, ProjectFileKind Kind, string Template, bool Base64 = false)
    {
        public const string KeySlot = "{key}";

        public static readonly ProjectFileCase[] All =
        {
            new("/app/Api.http", ProjectFileKind.HttpRequests, "@host = https://api.openai.com\n\n### Chat\nPOST {{host}}/v1/responses\nAuthorization: Bearer {key}\nContent-Type: application/json\n\n{ \"model\": \"gpt-4o\" }\n"),
            new("/app/http-client.env.json", ProjectFileKind.HttpRequests, "{\n  \"dev\": {\n    \"apiKey\": \"{key}\"\n  }\n}\n"),
            new("/app/local.settings.json", ProjectFileKind.FunctionsSettings, "{\n  \"IsEncrypted\": false,\n  \"Values\": {\n    \"AzureWebJobsStorage\": \"UseDevelopmentStorage=true\",\n    \"OPENAI_API_KEY\": \"{key}\"\n  }\n}\n"),
            new("/app/App.config", ProjectFileKind.XmlConfiguration, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <appSettings>\n    <add key=\"OpenAIKey\" value=\"{key}\" />\n  </appSettings>\n</configuration>\n"),
            new("/app/Web.Release.config", ProjectFileKind.XmlConfiguration, "<configuration xmlns:xdt=\"http://schemas.microsoft.com/XML-Document-Transform\">\n  <appSettings>\n    <add key=\"OpenAIKey\" value=\"{key}\" xdt:Transform=\"SetAttributes\" xdt:Locator=\"Match(key)\" />\n  </appSettings>\n</configuration>\n"),
            new("/app/test.runsettings", ProjectFileKind.RunSettings, "<RunSettings>\n  <RunConfiguration>\n    <EnvironmentVariables>\n      <OPENAI_API_KEY>{key}</OPENAI_API_KEY>\n    </EnvironmentVariables>\n  </RunConfiguration>\n</RunSettings>\n"),
            new("/app/App.csproj", ProjectFileKind.MSBuild, "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <OpenAIApiKey>{key}</OpenAIApiKey>\n  </PropertyGroup>\n</Project>\n"),
            new("/Directory.Build.props", ProjectFileKind.MSBuild, "<Project>\n  <ItemGroup>\n    <RuntimeHostConfigurationOption Include=\"OpenAI.Key\" Value=\"{key}\" />\n  </ItemGroup>\n</Project>\n"),
            new("/app/Properties/PublishProfiles/Production.pubxml", ProjectFileKind.MSBuild, "<Project>\n  <PropertyGroup>\n    <EnvironmentName>Production</EnvironmentName>\n    <OpenAIKey>{key}</OpenAIKey>\n  </PropertyGroup>\n</Project>\n"),
            new("/app/docker-compose.yml", ProjectFileKind.Yaml, "services:\n  api:\n    image: api\n    environment:\n      - OPENAI_API_KEY={key}\n"),
            new("/.github/workflows/ci.yml", ProjectFileKind.Yaml, "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      OPENAI_API_KEY: {key}\n"),
            new("/azure-pipelines.yml", ProjectFileKind.Yaml, "trigger:\n- main\nvariables:\n  openAIKey: '{key}'\n"),
            new("/app/k8s/api-secret.yaml", ProjectFileKind.Yaml, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: openai\ntype: Opaque\ndata:\n  apiKey: {key}\n", Base64: true),
            new("/app/charts/api/values.yaml", ProjectFileKind.Yaml, "replicaCount: 2\nopenai:\n  apiKey: \"{key}\"\n"),
            new("/app/Dockerfile", ProjectFileKind.Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nENV OPENAI_API_KEY={key}\nCOPY . .\nENTRYPOINT [\"dotnet\", \"WebApp.dll\"]\n"),
            new("/Dockerfile.prod", ProjectFileKind.Dockerfile, "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nARG OPENAI_API_KEY={key}\nRUN dotnet test\n"),
            new("/app/Explore.dib", ProjectFileKind.Notebook, "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\"}}\n\n#!csharp\n\nvar client = new OpenAIClient(\"{key}\");\n"),
            new("/app/Explore.ipynb", ProjectFileKind.Notebook, "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"source\": [\n    \"var apiKey = \\\"{key}\\\";\\n\"\n   ]\n  }\n ]\n}\n"),
            new("/app/wwwroot/js/chat.js", ProjectFileKind.WebAsset, "const apiKey = '{key}';\nexport async function ask(q) {\n  return fetch('https://api.openai.com/v1/responses', { headers: { Authorization: `Bearer ${apiKey}` } });\n}\n"),
            new("/app/wwwroot/appsettings.json", ProjectFileKind.WebAsset, "{\n  \"OpenAI\": { \"ApiKey\": \"{key}\" }\n}\n"),
            new("/app/wwwroot/index.html", ProjectFileKind.WebAsset, "<!DOCTYPE html>\n<html>\n<body>\n<script>window.openAIKey = \"{key}\";</script>\n</body>\n</html>\n"),
        };

        /// <summary>The place the message names: the file's name, or its path from wwwroot.</summary>
        public string Place => Kind == ProjectFileKind.WebAsset
            ? Path.Substring(Path.IndexOf("wwwroot/", StringComparison.Ordinal))
            : Path.Substring(Path.LastIndexOf('/') + 1);

        /// <summary>The file with <paramref name="key"/> planted (base64-encoded where the file encodes values).</summary>
        public string WithKey(string key) => Template.Replace(KeySlot, Base64 ? Convert.ToBase64String(Encoding.ASCII.GetBytes(key + "\n")) : key);

        /// <summary>The file with a placeholder where the key would be: nothing to report.</summary>
        public string WithPlaceholder() => Template.Replace(KeySlot, Base64 ? Convert.ToBase64String(Encoding.ASCII.GetBytes("sk-your-key-here\n")) : "sk-your-key-here");

        /// <summary>The exact diagnostic for <paramref name="key"/> (an OpenAI key of <paramref name="kind"/>, see <see cref="KeyKinds"/>) planted in this file.</summary>
        public DiagnosticResult Expected(string kind, string key)
        {
            string written = WithKey(key);
            string planted = Base64 ? Convert.ToBase64String(Encoding.ASCII.GetBytes(key + "\n")) : key;
            (int line, int column) = TextPositions.Of(written, planted);
            string redacted = FakeKeys.Redacted(key, KeyKinds.Prefix(kind));
            string place = Base64 ? Place + " (base64-encoded)" : Place;
            DiagnosticResult result = Kind == ProjectFileKind.WebAsset
                ? new DiagnosticResult(KeyLintDescriptors.KL0009_KeyInWebAsset).WithArguments(kind == "AzureOpenAI" ? KeyKinds.AzureService + " key" : "OpenAI " + KeyKinds.DisplayName(kind), redacted, place)
                : kind == "AzureOpenAI"
                    ? new DiagnosticResult(KeyLintDescriptors.KL0008_HardcodedAzureKey).WithArguments(KeyKinds.AzureService, redacted, "in " + place)
                    : new DiagnosticResult(KeyLintDescriptors.KL0006_KeyInConfigurationFile).WithArguments(KeyKinds.DisplayName(kind), redacted, place, ProjectFileKinds.Advice(Path, Kind));
            return result.WithSpan(Path, line, column, line, column + planted.Length);
        }

        public override string ToString() => Path;

        public static IEnumerable<object[]> AllAsData() => All.Select(c => new object[] { c.Path });

        public static ProjectFileCase Named(string path) => All.Single(c => c.Path == path);
    }
}
