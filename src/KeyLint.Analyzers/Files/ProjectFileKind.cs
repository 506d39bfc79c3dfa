using System;
using System.IO;

namespace KeyLint.Analyzers
{
    /// <summary>The kinds of file besides C# that a project commits or ships, which KL0006 and KL0009 read.</summary>
    public enum ProjectFileKind
    {
        /// <summary>Not read: a file of no kind below (or a lock file).</summary>
        None,

        /// <summary><c>appsettings*.json</c>, <c>launchSettings.json</c>, <c>.env</c> files.</summary>
        Configuration,

        /// <summary>Azure Functions' <c>local.settings.json</c>.</summary>
        FunctionsSettings,

        /// <summary>HTTP client requests (<c>*.http</c>, <c>*.rest</c>) and the shared <c>http-client.env.json</c>.</summary>
        HttpRequests,

        /// <summary><c>app.config</c>, <c>web.config</c> and their transforms (<c>*.config</c>).</summary>
        XmlConfiguration,

        /// <summary>Test run settings (<c>*.runsettings</c>).</summary>
        RunSettings,

        /// <summary>MSBuild files: <c>*.csproj</c>, <c>*.props</c>, <c>*.targets</c>, publish profiles (<c>*.pubxml</c>).</summary>
        MSBuild,

        /// <summary>YAML: Compose files, Kubernetes manifests, Helm values, pipelines and workflows.</summary>
        Yaml,

        /// <summary>Polyglot and Jupyter notebooks (<c>*.dib</c>, <c>*.ipynb</c>).</summary>
        Notebook,

        /// <summary>A script, page or JSON file under <c>wwwroot</c>: served to every visitor's browser (KL0009).</summary>
        WebAsset,

        /// <summary>Container builds: <c>Dockerfile</c>, <c>Dockerfile.*</c>, <c>*.dockerfile</c> (an <c>ENV</c> or <c>ARG</c> stays in the image).</summary>
        Dockerfile,

        /// <summary>
        /// The markup of a Razor page or component (<c>*.cshtml</c>, <c>*.razor</c>), rendered into every
        /// visitor's browser (KL0009); its C# is compiled and reported as code (KL0001–KL0008).
        /// </summary>
        RazorMarkup,
    }

    /// <summary>Which kind a file is, from its path alone, and what each kind means for the messages and the switches.</summary>
    public static class ProjectFileKinds
    {
        /// <summary>The kind of the file at <paramref name="path"/>; <see cref="ProjectFileKind.None"/> for files KeyLint does not read.</summary>
        public static ProjectFileKind Classify(string path)
        {
            string name = Path.GetFileName(path);
            string extension = Path.GetExtension(name);
            if (IsLockFile(name))
            {
                return ProjectFileKind.None;
            }

            // Under wwwroot even appsettings.json is a web asset: Blazor WebAssembly sends it to the browser.
            if (IsUnderWebRoot(path) && IsWebAssetExtension(extension))
            {
                return ProjectFileKind.WebAsset;
            }

            if (Is(extension, ".razor") || Is(extension, ".cshtml"))
            {
                return ProjectFileKind.RazorMarkup;
            }

            if (Is(extension, ".http") || Is(extension, ".rest") || Is(name, "http-client.env.json"))
            {
                return ProjectFileKind.HttpRequests;
            }

            if (Is(name, "Dockerfile") || name.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase) || Is(extension, ".dockerfile"))
            {
                return ProjectFileKind.Dockerfile;
            }

            if (Is(name, "local.settings.json"))
            {
                return ProjectFileKind.FunctionsSettings;
            }

            if ((name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && Is(extension, ".json"))
                || Is(name, "launchSettings.json")
                || Is(name, ".env")
                || name.StartsWith(".env.", StringComparison.OrdinalIgnoreCase)
                || Is(extension, ".env"))
            {
                return ProjectFileKind.Configuration;
            }

            return Is(extension, ".config") ? ProjectFileKind.XmlConfiguration
                : Is(extension, ".runsettings") ? ProjectFileKind.RunSettings
                : Is(extension, ".csproj") || Is(extension, ".props") || Is(extension, ".targets") || Is(extension, ".pubxml") || Is(extension, ".proj") ? ProjectFileKind.MSBuild
                : Is(extension, ".yml") || Is(extension, ".yaml") ? ProjectFileKind.Yaml
                : Is(extension, ".dib") || Is(extension, ".ipynb") ? ProjectFileKind.Notebook
                : ProjectFileKind.None;
        }

        /// <summary>
        /// The MSBuild property that turns a kind off (<c>false</c>): the package's build files stop
        /// adding those files, and the analyzer ignores them even when added by other means.
        /// </summary>
        public static string SwitchProperty(ProjectFileKind kind) => kind switch
        {
            ProjectFileKind.Configuration => "KeyLintScanConfigurationFiles",
            ProjectFileKind.FunctionsSettings => "KeyLintScanFunctionsSettings",
            ProjectFileKind.HttpRequests => "KeyLintScanHttpFiles",
            ProjectFileKind.XmlConfiguration or ProjectFileKind.RunSettings => "KeyLintScanXmlConfigurationFiles",
            ProjectFileKind.MSBuild => "KeyLintScanMSBuildFiles",
            ProjectFileKind.Yaml => "KeyLintScanYamlFiles",
            ProjectFileKind.Notebook => "KeyLintScanNotebooks",
            ProjectFileKind.WebAsset => "KeyLintScanWebAssets",
            ProjectFileKind.Dockerfile => "KeyLintScanDockerfiles",
            ProjectFileKind.RazorMarkup => "KeyLintScanRazorMarkup",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        /// <summary>Whether a kind's files may hold keys base64-encoded (Kubernetes Secrets' <c>data:</c>).</summary>
        public static bool MayEncodeBase64(ProjectFileKind kind) => kind == ProjectFileKind.Yaml;

        /// <summary>How the message names where the key is: the file's name, or its path from <c>wwwroot</c> for a web asset.</summary>
        public static string Place(string path, ProjectFileKind kind)
        {
            if (kind == ProjectFileKind.WebAsset)
            {
                string normalized = path.Replace('\\', '/');
                int webRoot = normalized.LastIndexOf("/wwwroot/", StringComparison.OrdinalIgnoreCase);
                if (webRoot >= 0)
                {
                    return normalized.Substring(webRoot + 1);
                }
            }

            return Path.GetFileName(path);
        }

        /// <summary>What to do instead, fitting the file: the part of KL0006's message after "is in &lt;file&gt;; ".</summary>
        public static string Advice(string path, ProjectFileKind kind) => kind switch
        {
            ProjectFileKind.FunctionsSettings => "keep it in the function app's application settings or Key Vault, and locally in user secrets or an environment variable",
            ProjectFileKind.HttpRequests => "use {{$dotenv OPENAI_API_KEY}} or {{$processEnv OPENAI_API_KEY}}, or a private environment file (http-client.env.json.user, http-client.private.env.json)",
            ProjectFileKind.XmlConfiguration => "read it from an environment variable or Key Vault (configuration builders) instead of the file",
            ProjectFileKind.RunSettings => "set it as a secret environment variable of the test run instead",
            ProjectFileKind.MSBuild => "read it from an environment variable in MSBuild ($(OPENAI_API_KEY)) instead",
            ProjectFileKind.Yaml => YamlAdvice(path),
            ProjectFileKind.Dockerfile => "pass it when the container runs (docker run -e, a secret of the orchestrator, a build secret mount), never with ENV or ARG: both stay in the image's layers",
            ProjectFileKind.Notebook => "read it with Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\") and clear cell outputs before committing",
            _ => "move it to user secrets or an environment variable",
        };

        private static string YamlAdvice(string path)
        {
            string normalized = path.Replace('\\', '/');
            string name = Path.GetFileName(normalized);
            if (normalized.IndexOf("/.github/", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return "use a repository or environment secret (${{ secrets.OPENAI_API_KEY }})";
            }

            if (name.StartsWith("azure-pipelines", StringComparison.OrdinalIgnoreCase) || normalized.IndexOf("/.azure-pipelines/", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return "use a secret pipeline variable or a variable group linked to Key Vault";
            }

            if (Is(name, ".gitlab-ci.yml"))
            {
                return "use a masked CI/CD variable";
            }

            if (name.IndexOf("compose", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return "substitute it from the environment (${OPENAI_API_KEY}) or an uncommitted env_file";
            }

            return "create the Secret outside the repository (kubectl create secret, External Secrets, Key Vault) or pass the value at deploy time";
        }

        /// <summary>A <c>wwwroot</c> folder anywhere in the path, with either separator on either side.</summary>
        private static bool IsUnderWebRoot(string path)
        {
            const string WebRoot = "wwwroot";
            for (int found = path.IndexOf(WebRoot, StringComparison.OrdinalIgnoreCase); found >= 0; found = path.IndexOf(WebRoot, found + 1, StringComparison.OrdinalIgnoreCase))
            {
                int after = found + WebRoot.Length;
                if ((found == 0 || IsSeparator(path[found - 1])) && after < path.Length && IsSeparator(path[after]))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsSeparator(char c) => c == '/' || c == '\\';

        private static bool IsWebAssetExtension(string extension)
            => Is(extension, ".js") || Is(extension, ".mjs") || Is(extension, ".cjs") || Is(extension, ".jsx") || Is(extension, ".ts") || Is(extension, ".tsx")
                || Is(extension, ".json") || Is(extension, ".html") || Is(extension, ".htm") || Is(extension, ".map");

        /// <summary>Package-manager lock files: generated, large, and never where a key is written.</summary>
        private static bool IsLockFile(string name)
            => name.EndsWith(".lock.json", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("-lock.json", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("-lock.yaml", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".lock", StringComparison.OrdinalIgnoreCase);

        private static bool Is(string value, string expected) => value.Equals(expected, StringComparison.OrdinalIgnoreCase);
    }
}
