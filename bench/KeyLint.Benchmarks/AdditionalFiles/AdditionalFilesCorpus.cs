using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using KeyLint.Tests;

namespace KeyLint.Benchmarks.AdditionalFiles
{
    /// <summary>One file of the corpus: its path from the repository's root, and its text.</summary>
    public sealed record CorpusFile(string Path, string Text);

    /// <summary>
    /// The files besides C# of a web application's repository, for issue 13: 2,000 files, 10 MB
    /// (10^6 characters each, all ASCII), of the kinds KL0006/KL0009 read, where a repository keeps
    /// them — <c>src/Contoso.Web/</c> (appsettings and tenant settings, <c>.http</c> requests, XML
    /// configuration, MSBuild files, notebooks, and under <c>wwwroot/</c> vendor libraries of
    /// 200–500 KB, their minified copies and source maps, a thousand small app modules, locale JSON
    /// and HTML templates), and at the root Kubernetes manifests, Helm charts, workflows, pipelines
    /// and Compose files. Deterministic: the same files every run.
    /// </summary>
    /// <remarks>
    /// Key-free but for six fake keys, one per rule path (appsettings, <c>.http</c>, a base64 key in a
    /// Kubernetes Secret, a notebook, a workflow, an Azure key in a script under wwwroot). With
    /// <c>everyFileHasKey</c>, every file ends with a fake key, so every file holds a marker and is
    /// scanned whole after the chunked search has read it to its end: the worst case.
    /// </remarks>
    public static class AdditionalFilesCorpus
    {
        public const string Project = "src/Contoso.Web/";
        public const int FileCount = 2000;
        public const long TargetChars = 10_000_000;

        private static readonly string[] Words =
        {
            "order", "customer", "invoice", "cart", "product", "catalog", "search", "account", "profile", "report",
            "payment", "shipment", "review", "tenant", "session", "widget", "chart", "filter", "export", "import",
            "inventory", "warehouse", "discount", "coupon", "message", "thread", "notification", "setting", "audit", "team",
        };

        private static readonly (string Name, int KB)[] VendorLibraries =
        {
            ("jquery", 290), ("bootstrap.bundle", 210), ("chart.umd", 400), ("signalr", 450), ("lodash", 540),
            ("moment-with-locales", 480), ("htmx", 170), ("leaflet-src", 230), ("datatables", 320), ("select2.full", 260),
        };

        public static List<CorpusFile> Generate(bool everyFileHasKey = false)
        {
            var random = new Random(13);
            var files = new List<CorpusFile>();
            void Add(string path, string text) => files.Add(new CorpusFile(path, text));

            // The project: configuration, requests, XML, MSBuild, notebooks.
            Add(Project + "Contoso.Web.csproj", MSBuildFile(random, "Project", 1));
            Add(Project + "appsettings.json", AppSettings(random, 0, "Production"));
            Add(Project + "appsettings.Development.json", AppSettings(random, 0, "Development", apiKey: FakeKeys.Project(1301)));
            Add(Project + "appsettings.Staging.json", AppSettings(random, 0, "Staging"));
            Add(Project + "appsettings.Production.json", AppSettings(random, 0, "Production"));
            Add(Project + "Properties/launchSettings.json", LaunchSettings());
            Add(Project + "local.settings.json", AppSettings(random, 0, "Functions"));
            Add(Project + ".env.example", EnvFile(random));
            Add(".env", EnvFile(random));
            for (int i = 1; i <= 120; i++)
            {
                Add(Project + $"config/tenants/appsettings.tenant-{i:D3}.json", AppSettings(random, i, "Production"));
            }

            Add(Project + "Requests/http-client.env.json", "{\n  \"dev\": { \"host\": \"https://localhost:5001\" },\n  \"staging\": { \"host\": \"https://staging.contoso.example\" }\n}\n");
            for (int i = 1; i <= 60; i++)
            {
                Add(Project + $"Requests/{Word(random)}-{i:D2}.http", HttpFile(random, i == 3 ? FakeKeys.ServiceAccount(1302) : null));
            }

            string[] configs = { "web.config", "Web.Debug.config", "Web.Release.config", "app.config", "NLog.config", "log4net.config" };
            for (int i = 0; i < 25; i++)
            {
                string name = i < configs.Length ? configs[i] : $"config/xml/{Word(random)}-{i:D2}.config";
                Add(Project + name, XmlConfig(random, i < 6 ? 12_000 : 2_500));
            }

            Add(Project + "tests.runsettings", RunSettings());
            Add(Project + "coverage.runsettings", RunSettings());
            foreach (string name in new[] { "build/Contoso.Common.props", "build/Contoso.Versions.props", "build/Contoso.Analyzers.props", "build/Contoso.Common.targets", "build/Contoso.Publish.targets" })
            {
                Add(Project + name, MSBuildFile(random, "Project", 3));
            }

            foreach (string name in new[] { "Azure", "FolderProfile", "Staging" })
            {
                Add(Project + $"Properties/PublishProfiles/{name}.pubxml", MSBuildFile(random, "Project", 1));
            }

            for (int i = 1; i <= 6; i++)
            {
                Add(Project + $"notebooks/{Word(random)}-analysis-{i}.ipynb", Notebook(random, 40_000, i == 2 ? FakeKeys.Project(1304) : null));
            }

            Add(Project + "notebooks/scratch.dib", Dib(random));
            Add(Project + "notebooks/prompts.dib", Dib(random));
            Add(Project + "openapi.yaml", OpenApi(random, 150_000));

            // The repository's root: workflows, pipelines, Compose, Kubernetes, Helm.
            for (int i = 1; i <= 12; i++)
            {
                Add($".github/workflows/{Word(random)}-{i:D2}.yml", Workflow(random, i == 5 ? FakeKeys.Admin(1305) : null));
            }

            Add("azure-pipelines.yml", Pipeline(random));
            Add(".gitlab-ci.yml", Pipeline(random));
            Add("docker-compose.yml", Compose(random));
            Add("docker-compose.override.yml", Compose(random));
            Add("docker-compose.ci.yml", Compose(random));
            for (int i = 1; i <= 300; i++)
            {
                string service = Word(random) + "-" + Word(random);
                Add($"k8s/{(i % 3 == 0 ? "staging" : "production")}/{service}-{i:D3}.yaml", i == 42
                    ? Secret(random, "openai", Convert.ToBase64String(Encoding.ASCII.GetBytes(FakeKeys.Project(1303) + "\n")))
                    : Manifest(random, service, i));
            }

            for (int i = 1; i <= 40; i++)
            {
                Add(i <= 4 ? $"charts/contoso/values{(i == 1 ? "" : "-" + Word(random))}.yaml" : $"charts/contoso/templates/{Word(random)}-{i:D2}.yaml", Manifest(random, "{{ .Release.Name }}-" + Word(random), i));
            }

            // wwwroot: vendor libraries (full, minified, source maps, package.json), locales, templates.
            foreach ((string name, int kb) in VendorLibraries)
            {
                string library = name.Split('.')[0];
                string full = JavaScript(random, kb * 1000, vendor: true);
                Add(Project + $"wwwroot/lib/{library}/dist/{name}.js", full);
                Add(Project + $"wwwroot/lib/{library}/dist/{name}.min.js", Minify(full.Substring(0, full.Length * 3 / 10)));
                Add(Project + $"wwwroot/lib/{library}/package.json", PackageJson(random, library));
            }

            for (int i = 0; i < 6; i++)
            {
                Add(Project + $"wwwroot/lib/{VendorLibraries[i].Name.Split('.')[0]}/dist/{VendorLibraries[i].Name}.min.js.map", SourceMap(random, VendorLibraries[i].Name, 110_000));
            }

            string[] locales = { "en", "de", "fr", "es", "it", "nl", "pl", "pt", "sv", "ja" };
            for (int i = 0; i < 290; i++)
            {
                Add(Project + $"wwwroot/locales/{locales[i % locales.Length]}/{Word(random)}-{i / locales.Length:D2}.json", LocaleJson(random, 1_600));
            }

            for (int i = 0; i < 80; i++)
            {
                Add(Project + $"wwwroot/templates/{Word(random)}-{i:D2}.html", Html(random, 2_500));
            }

            Add(Project + "wwwroot/js/config.js", "// Front-end configuration, served to every browser.\nexport const config = {\n  endpoint: 'https://contoso.openai.azure.com/',\n  apiKey: '" + FakeAzureKeys.Create(1306) + "',\n};\n");

            // App modules fill the rest: the corpus comes to FileCount files and about TargetChars characters.
            int modules = FileCount - files.Count;
            long rest = TargetChars - files.Sum(f => (long)f.Text.Length);
            int moduleLength = (int)Math.Max(500, rest / modules);
            for (int i = 0; i < modules; i++)
            {
                Add(Project + $"wwwroot/js/{Word(random)}s/{Word(random)}-{i:D4}.js", JavaScript(random, moduleLength, vendor: false));
            }

            if (everyFileHasKey)
            {
                for (int i = 0; i < files.Count; i++)
                {
                    files[i] = files[i] with { Text = files[i].Text + "\n# " + FakeKeys.Project(20_000 + i) + "\n" };
                }
            }

            return files;
        }

        /// <summary>Writes <paramref name="files"/> under <paramref name="root"/>, replacing what is there.</summary>
        public static void Write(string root, IEnumerable<CorpusFile> files)
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            foreach (CorpusFile file in files)
            {
                string full = System.IO.Path.Combine(root, file.Path);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
                File.WriteAllText(full, file.Text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
        }

        private static string Word(Random random) => Words[random.Next(Words.Length)];

        private static string Pascal(string word) => char.ToUpperInvariant(word[0]) + word.Substring(1);

        private static string Hex(Random random, int length)
        {
            var builder = new StringBuilder(length);
            for (int i = 0; i < length; i++)
            {
                builder.Append("0123456789abcdef"[random.Next(16)]);
            }

            return builder.ToString();
        }

        private static string Base64(Random random, int bytes)
        {
            byte[] data = new byte[bytes];
            random.NextBytes(data);
            return Convert.ToBase64String(data);
        }

        private static string AppSettings(Random random, int tenant, string environment, string? apiKey = null)
        {
            var b = new StringBuilder();
            b.Append("{\n  \"Logging\": {\n    \"LogLevel\": {\n      \"Default\": \"Information\",\n      \"Microsoft.AspNetCore\": \"Warning\"\n    }\n  },\n");
            b.Append("  \"AllowedHosts\": \"*\",\n");
            b.Append($"  \"ConnectionStrings\": {{\n    \"Default\": \"Server=tcp:contoso-sql-{tenant}.database.windows.net,1433;Database={environment.ToLowerInvariant()}-{tenant};Authentication=Active Directory Default;Encrypt=True\"\n  }},\n");
            b.Append($"  \"OpenAI\": {{\n    \"Endpoint\": \"https://contoso-{tenant}.openai.azure.com/\",\n    \"Deployment\": \"gpt-4o-mini\",\n    \"MaxTokens\": {random.Next(256, 4096)}");
            b.Append(apiKey is null ? "\n  },\n" : $",\n    \"ApiKey\": \"{apiKey}\"\n  }},\n");
            b.Append("  \"FeatureFlags\": {\n");
            int flags = random.Next(6, 20);
            for (int i = 0; i < flags; i++)
            {
                b.Append($"    \"{Pascal(Word(random))}{Pascal(Word(random))}{i}\": {(random.Next(2) == 0 ? "true" : "false")},\n");
            }

            b.Append($"    \"Tenant\": \"tenant-{tenant:D3}\"\n  }},\n  \"Environment\": \"{environment}\"\n}}\n");
            return b.ToString();
        }

        private static string LaunchSettings()
            => "{\n  \"profiles\": {\n    \"https\": {\n      \"commandName\": \"Project\",\n      \"launchBrowser\": true,\n      \"applicationUrl\": \"https://localhost:5001;http://localhost:5000\",\n      \"environmentVariables\": { \"ASPNETCORE_ENVIRONMENT\": \"Development\" }\n    }\n  }\n}\n";

        private static string EnvFile(Random random)
        {
            var b = new StringBuilder("# Copy to .env and fill in. Never commit real values.\n");
            for (int i = 0; i < 30; i++)
            {
                b.Append($"{Word(random).ToUpperInvariant()}_{Word(random).ToUpperInvariant()}_{i}={Hex(random, 8)}\n");
            }

            return b.Append("OPENAI_API_KEY=\nAZURE_OPENAI_ENDPOINT=https://contoso.openai.azure.com/\n").ToString();
        }

        private static string HttpFile(Random random, string? key)
        {
            var b = new StringBuilder("@host = https://localhost:5001\n@token = {{$dotenv API_TOKEN}}\n\n");
            int requests = random.Next(4, 10);
            for (int i = 0; i < requests; i++)
            {
                string resource = Word(random);
                b.Append($"### {Pascal(resource)}s, page {i + 1}\n");
                if (i % 2 == 0)
                {
                    b.Append($"GET {{{{host}}}}/api/{resource}s?page={i + 1}&size=25\nAccept: application/json\nAuthorization: Bearer {(key is not null && i == 0 ? key : "{{token}}")}\n\n");
                }
                else
                {
                    b.Append($"POST {{{{host}}}}/api/{resource}s\nContent-Type: application/json\nAuthorization: Bearer {{{{token}}}}\n\n{{\n  \"name\": \"{Word(random)}-{random.Next(1000)}\",\n  \"quantity\": {random.Next(1, 50)},\n  \"notes\": \"created from the .http file\"\n}}\n\n");
                }
            }

            return b.ToString();
        }

        private static string XmlConfig(Random random, int length)
        {
            var b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <appSettings>\n");
            int i = 0;
            while (b.Length < length)
            {
                b.Append($"    <add key=\"{Pascal(Word(random))}:{Pascal(Word(random))}{i++}\" value=\"{Word(random)}-{random.Next(10_000)}\" />\n");
                if (i % 25 == 0)
                {
                    b.Append($"  </appSettings>\n  <system.webServer>\n    <handlers>\n      <add name=\"aspNetCore\" path=\"*\" verb=\"*\" modules=\"AspNetCoreModuleV2\" resourceType=\"Unspecified\" />\n    </handlers>\n    <aspNetCore processPath=\"dotnet\" arguments=\".\\Contoso.Web.dll\" stdoutLogEnabled=\"false\" hostingModel=\"inprocess\" />\n  </system.webServer>\n  <appSettings>\n");
                }
            }

            return b.Append("  </appSettings>\n</configuration>\n").ToString();
        }

        private static string RunSettings()
            => "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<RunSettings>\n  <RunConfiguration>\n    <MaxCpuCount>0</MaxCpuCount>\n    <ResultsDirectory>./TestResults</ResultsDirectory>\n    <EnvironmentVariables>\n      <OPENAI_API_KEY></OPENAI_API_KEY>\n    </EnvironmentVariables>\n  </RunConfiguration>\n  <DataCollectionRunSettings>\n    <DataCollectors>\n      <DataCollector friendlyName=\"XPlat Code Coverage\" />\n    </DataCollectors>\n  </DataCollectionRunSettings>\n</RunSettings>\n";

        private static string MSBuildFile(Random random, string root, int groups)
        {
            var b = new StringBuilder($"<{root}>\n");
            for (int g = 0; g < groups; g++)
            {
                b.Append("  <PropertyGroup>\n");
                for (int i = 0; i < 12; i++)
                {
                    string element = $"Contoso{Pascal(Word(random))}{i}";
                    b.Append($"    <{element}>{Word(random)}-{random.Next(100)}</{element}>\n");
                }

                b.Append("  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include=\"Microsoft.Extensions.Http.Resilience\" Version=\"10.0.0\" />\n  </ItemGroup>\n");
            }

            return b.Append($"</{root}>\n").ToString();
        }

        private static string Notebook(Random random, int length, string? key)
        {
            var b = new StringBuilder("{\n \"cells\": [\n");
            int cell = 0;
            while (b.Length < length)
            {
                if (cell % 3 == 0)
                {
                    b.Append($"  {{\n   \"cell_type\": \"markdown\",\n   \"metadata\": {{}},\n   \"source\": [\"## {Pascal(Word(random))} {Word(random)}s by {Word(random)}\\n\", \"Numbers from the staging database, refreshed weekly.\"]\n  }},\n");
                }
                else
                {
                    string code = key is not null && cell == 1
                        ? $"\"var client = new OpenAIClient(\\\"{key}\\\");\\n\""
                        : $"\"var {Word(random)}s = await db.{Pascal(Word(random))}s.Where(x => x.TenantId == {random.Next(200)}).ToListAsync();\\n\"";
                    b.Append($"  {{\n   \"cell_type\": \"code\",\n   \"execution_count\": {cell},\n   \"metadata\": {{}},\n   \"outputs\": [\n    {{ \"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [");
                    for (int line = 0; line < 12; line++)
                    {
                        b.Append($"\"{Word(random)}-{random.Next(100_000),6} | {random.NextDouble() * 1000,10:F2} | {Word(random),-12} | {Hex(random, 12)}\\n\", ");
                    }

                    b.Append($"\"\"] }}\n   ],\n   \"source\": [{code}]\n  }},\n");
                }

                cell++;
            }

            return b.Append("  { \"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"The end.\"] }\n ],\n \"metadata\": { \"kernelspec\": { \"display_name\": \".NET (C#)\", \"language\": \"C#\", \"name\": \".net-csharp\" } },\n \"nbformat\": 4,\n \"nbformat_minor\": 2\n}\n").ToString();
        }

        private static string Dib(Random random)
        {
            var b = new StringBuilder("#!meta\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\"}}\n\n");
            for (int i = 0; i < 20; i++)
            {
                b.Append($"#!markdown\n\n## Step {i + 1}: {Word(random)}s\n\n#!csharp\n\nvar {Word(random)}{i} = Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\");\nConsole.WriteLine(\"{Word(random)} {random.Next(1000)}\");\n\n");
            }

            return b.ToString();
        }

        private static string OpenApi(Random random, int length)
        {
            var b = new StringBuilder("openapi: 3.0.1\ninfo:\n  title: Contoso.Web\n  version: '1.0'\npaths:\n");
            int i = 0;
            while (b.Length < length)
            {
                string resource = Word(random) + "s";
                b.Append($"  /api/{resource}/{{id}}/{Word(random)}-{i++}:\n    get:\n      tags:\n        - {Pascal(resource)}\n      parameters:\n        - name: id\n          in: path\n          required: true\n          schema:\n            type: integer\n            format: int32\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/{Pascal(Word(random))}Dto'\n        '404':\n          description: Not Found\n");
            }

            return b.ToString();
        }

        private static string Workflow(Random random, string? key)
        {
            var b = new StringBuilder($"name: {Word(random)}-ci\non:\n  push:\n    branches: [ main ]\n  pull_request:\n\npermissions:\n  contents: read\n\nenv:\n  DOTNET_NOLOGO: true\n  OPENAI_API_KEY: {key ?? "${{ secrets.OPENAI_API_KEY }}"}\n\njobs:\n");
            for (int j = 0; j < 4; j++)
            {
                b.Append($"  {Word(random)}-{j}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-dotnet@v4\n        with:\n          dotnet-version: '10.0.x'\n      - run: dotnet restore\n      - run: dotnet build --no-restore -c Release\n      - run: dotnet test --no-build -c Release --logger trx --results-directory TestResults/{j}\n      - uses: actions/upload-artifact@v4\n        with:\n          name: results-{j}\n          path: TestResults/{j}\n");
            }

            return b.ToString();
        }

        private static string Pipeline(Random random)
        {
            var b = new StringBuilder("trigger:\n  branches:\n    include: [ main ]\n\npool:\n  vmImage: ubuntu-latest\n\nvariables:\n  - group: contoso-keyvault\n  - name: buildConfiguration\n    value: Release\n\nstages:\n");
            for (int s = 0; s < 6; s++)
            {
                b.Append($"  - stage: {Pascal(Word(random))}{s}\n    jobs:\n      - job: build\n        steps:\n          - task: UseDotNet@2\n            inputs:\n              version: '10.0.x'\n          - script: dotnet build -c $(buildConfiguration)\n          - task: AzureWebApp@1\n            inputs:\n              azureSubscription: contoso-{s}\n              appName: contoso-{Word(random)}-{s}\n");
            }

            return b.ToString();
        }

        private static string Compose(Random random)
        {
            var b = new StringBuilder("services:\n");
            for (int s = 0; s < 5; s++)
            {
                string service = Word(random);
                b.Append($"  {service}:\n    image: contoso/{service}:1.{random.Next(20)}.{random.Next(10)}\n    build:\n      context: .\n      dockerfile: src/Contoso.Web/Dockerfile\n    environment:\n      - ASPNETCORE_ENVIRONMENT=Development\n      - OPENAI_API_KEY=${{OPENAI_API_KEY}}\n    ports:\n      - \"{8000 + s}:8080\"\n    depends_on:\n      - db\n");
            }

            return b.Append("  db:\n    image: mcr.microsoft.com/mssql/server:2022-latest\n    environment:\n      - ACCEPT_EULA=Y\n").ToString();
        }

        private static string Secret(Random random, string name, string encodedKey)
            => $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: {name}\n  namespace: contoso\ntype: Opaque\ndata:\n  DB_PASSWORD: {Base64(random, 18)}\n  OPENAI_API_KEY: {encodedKey}\n  REDIS_PASSWORD: {Base64(random, 24)}\n";

        private static string Manifest(Random random, string service, int index)
        {
            var b = new StringBuilder();
            switch (index % 4)
            {
                case 0:
                    b.Append($"apiVersion: v1\nkind: Secret\nmetadata:\n  name: {service}\n  namespace: contoso\ntype: Opaque\ndata:\n");
                    for (int i = 0; i < 6; i++)
                    {
                        b.Append($"  {Word(random).ToUpperInvariant()}_{i}: {Base64(random, random.Next(12, 48))}\n");
                    }

                    break;
                case 1:
                    b.Append($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {service}-config\n  namespace: contoso\ndata:\n");
                    for (int i = 0; i < 20; i++)
                    {
                        b.Append($"  {Pascal(Word(random))}__{Pascal(Word(random))}: \"{Word(random)}-{random.Next(1000)}\"\n");
                    }

                    break;
                default:
                    b.Append($"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {service}\n  namespace: contoso\n  labels:\n    app: {service}\nspec:\n  replicas: {random.Next(1, 6)}\n  selector:\n    matchLabels:\n      app: {service}\n  template:\n    metadata:\n      labels:\n        app: {service}\n    spec:\n      containers:\n        - name: {service}\n          image: contosoregistry.azurecr.io/{service}:{random.Next(100)}.{random.Next(100)}\n          ports:\n            - containerPort: 8080\n          env:\n            - name: ASPNETCORE_ENVIRONMENT\n              value: Production\n            - name: OPENAI_API_KEY\n              valueFrom:\n                secretKeyRef:\n                  name: openai\n                  key: OPENAI_API_KEY\n          resources:\n            requests:\n              cpu: {random.Next(50, 500)}m\n              memory: {random.Next(64, 1024)}Mi\n          readinessProbe:\n            httpGet:\n              path: /healthz\n              port: 8080\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: {service}\nspec:\n  selector:\n    app: {service}\n  ports:\n    - port: 80\n      targetPort: 8080\n");
                    break;
            }

            return b.ToString();
        }

        private static string PackageJson(Random random, string library)
            => $"{{\n  \"name\": \"{library}\",\n  \"version\": \"{random.Next(1, 6)}.{random.Next(20)}.{random.Next(10)}\",\n  \"description\": \"{Pascal(library)}, vendored by libman\",\n  \"main\": \"dist/{library}.js\",\n  \"license\": \"MIT\",\n  \"repository\": {{ \"type\": \"git\", \"url\": \"https://github.com/example/{library}.git\" }},\n  \"files\": [\"dist\", \"src\"],\n  \"scripts\": {{ \"build\": \"rollup -c\", \"test\": \"vitest run\" }},\n  \"devDependencies\": {{ \"rollup\": \"^4.0.0\", \"vitest\": \"^3.0.0\", \"terser\": \"^5.0.0\" }}\n}}\n";

        private static string SourceMap(Random random, string name, int length)
        {
            const string Vlq = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            var b = new StringBuilder($"{{\"version\":3,\"file\":\"{name}.min.js\",\"sources\":[\"../src/core.js\",\"../src/events.js\",\"../src/ajax.js\"],\"names\":[\"e\",\"t\",\"n\",\"r\",\"i\",\"o\"],\"mappings\":\"");
            while (b.Length < length)
            {
                int segment = random.Next(4, 9);
                for (int i = 0; i < segment; i++)
                {
                    b.Append(Vlq[random.Next(32)]);
                }

                b.Append(random.Next(8) == 0 ? ';' : ',');
            }

            return b.Append("AAAA\"}\n").ToString();
        }

        private static string LocaleJson(Random random, int length)
        {
            var b = new StringBuilder("{\n");
            int i = 0;
            while (b.Length < length)
            {
                b.Append($"  \"{Word(random)}.{Word(random)}.{i++}\": \"{Pascal(Word(random))} {Word(random)}s for the {Word(random)} ({random.Next(100)})\",\n");
            }

            return b.Append("  \"end\": \"\"\n}\n").ToString();
        }

        private static string Html(Random random, int length)
        {
            var b = new StringBuilder($"<template id=\"{Word(random)}-view\">\n  <section class=\"card\">\n");
            while (b.Length < length)
            {
                string word = Word(random);
                b.Append($"    <div class=\"row {word}-row\" data-bind=\"{word}s\">\n      <label for=\"{word}-input\">{Pascal(word)}</label>\n      <input id=\"{word}-input\" type=\"text\" class=\"form-control\" placeholder=\"Search {word}s\" />\n      <button type=\"button\" class=\"btn btn-primary\" data-action=\"{Word(random)}\">Go</button>\n    </div>\n");
            }

            return b.Append("  </section>\n</template>\n").ToString();
        }

        /// <summary>JavaScript: ES modules of an app, or (vendor) a UMD library with long comments.</summary>
        private static string JavaScript(Random random, int length, bool vendor)
        {
            var b = new StringBuilder(length + 1000);
            if (vendor)
            {
                b.Append($"/*!\n * {Pascal(Word(random))}.js v{random.Next(1, 5)}.{random.Next(20)}.{random.Next(10)}\n * (c) Example Contributors, released under the MIT license\n */\n(function (global, factory) {{\n  typeof exports === 'object' && typeof module !== 'undefined' ? module.exports = factory() :\n  typeof define === 'function' && define.amd ? define(factory) : (global = global || self, global.Lib = factory());\n}}(this, (function () {{ 'use strict';\n\n");
            }
            else
            {
                b.Append($"import {{ api }} from '../core/api.js';\nimport {{ formatDate, formatMoney }} from '../core/format.js';\n\nconst ENDPOINT = '/api/{Word(random)}s';\n\n");
            }

            int block = 0;
            while (b.Length < length)
            {
                string word = Word(random);
                string name = Pascal(word) + Pascal(Word(random));
                switch (random.Next(5))
                {
                    case 0:
                        b.Append($"  /**\n   * Returns the {word}s of the page, sorted by {Word(random)}.\n   * @param {{Array<Object>}} items the {word}s\n   * @returns {{Array<Object>}} a new array\n   */\n  function sort{name}{block}(items, key) {{\n    return items.slice().sort(function (a, b) {{ return a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0; }});\n  }}\n\n");
                        break;
                    case 1:
                        b.Append($"  async function load{name}{block}(page, size = 25) {{\n    const response = await fetch(`${{ENDPOINT}}?page=${{page}}&size=${{size}}`, {{ headers: {{ 'Accept': 'application/json' }} }});\n    if (!response.ok) {{\n      throw new Error(`Could not load {word}s: ${{response.status}} ${{response.statusText}}`);\n    }}\n    return (await response.json()).map(x => ({{ ...x, createdAt: formatDate(x.createdAt), total: formatMoney(x.total) }}));\n  }}\n\n");
                        break;
                    case 2:
                        b.Append($"  const {word}Messages{block} = {{\n    empty: 'No {word}s yet.',\n    loading: 'Loading {word}s…',\n    error: 'Something went wrong while loading the {word}s. Please try again.',\n    confirm: 'Delete this {word}? This cannot be undone.',\n  }};\n\n");
                        break;
                    case 3:
                        b.Append($"  class {name}View{block} {{\n    constructor(root, options) {{\n      this.root = root;\n      this.options = Object.assign({{ pageSize: 25, sortBy: '{Word(random)}' }}, options);\n      this.state = {{ page: 1, items: [], selected: new Set() }};\n      this.root.addEventListener('click', e => this.onClick(e));\n    }}\n    onClick(e) {{\n      const id = e.target.closest('[data-id]')?.dataset.id;\n      if (id) {{ this.state.selected.has(id) ? this.state.selected.delete(id) : this.state.selected.add(id); this.render(); }}\n    }}\n    render() {{\n      this.root.innerHTML = this.state.items.map(x => `<tr data-id=\"${{x.id}}\"><td>${{x.name}}</td><td>${{x.total}}</td></tr>`).join('');\n    }}\n  }}\n\n");
                        break;
                    default:
                        b.Append($"  var re{name}{block} = /^[a-z0-9_-]{{3,{random.Next(16, 64)}}}$/i, hex{block} = '{Hex(random, 32)}', data{block} = '{Base64(random, 24)}';\n  // {Word(random)}: keep in sync with the server's {Pascal(Word(random))}Options ({random.Next(1000)}).\n\n");
                        break;
                }

                block++;
            }

            b.Append(vendor ? "  return { version: '1.0.0' };\n\n})));\n" : "export default { ENDPOINT };\n");
            return b.ToString();
        }

        /// <summary>A minified copy: indentation and line breaks gone, one long line per ~32 KB.</summary>
        private static string Minify(string text)
        {
            var b = new StringBuilder(text.Length);
            int sinceBreak = 0;
            foreach (string line in text.Split('\n'))
            {
                string trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("*", StringComparison.Ordinal) || trimmed.StartsWith("/**", StringComparison.Ordinal))
                {
                    continue;
                }

                b.Append(trimmed);
                sinceBreak += trimmed.Length;
                if (sinceBreak > 32_000)
                {
                    b.Append('\n');
                    sinceBreak = 0;
                }
            }

            return b.Append('\n').ToString();
        }

        /// <summary>A line per kind: files, characters.</summary>
        public static string Describe(IReadOnlyList<CorpusFile> files, Func<string, string> kindOf)
        {
            var lines = files
                .GroupBy(f => kindOf(f.Path))
                .OrderByDescending(g => g.Sum(f => (long)f.Text.Length))
                .Select(g => string.Format(CultureInfo.InvariantCulture, "{0} {1:N0} files {2:N0} chars (largest {3:N0})", g.Key, g.Count(), g.Sum(f => (long)f.Text.Length), g.Max(f => f.Text.Length)));
            return string.Join("; ", lines);
        }
    }
}
