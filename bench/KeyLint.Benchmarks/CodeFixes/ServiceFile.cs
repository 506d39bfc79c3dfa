using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using KeyLint.Benchmarks.Analyzers;
using KeyLint.Tests;

namespace KeyLint.Benchmarks.CodeFixes
{
    /// <summary>One place a key is written, as the code fix meets it: a label for the tables and the rule it falls under.</summary>
    public sealed class KeySite
    {
        private KeySite(string label, string ruleId, bool? inConfigurationClass, Func<int, string> key, string[] fields, string[] constructor, string method)
        {
            Label = label;
            RuleId = ruleId;
            InConfigurationClass = inConfigurationClass;
            Key = key;
            Fields = fields;
            Constructor = constructor;
            Method = method;
        }

        public string Label { get; }

        public string RuleId { get; }

        /// <summary>True: the class takes an <c>IConfiguration</c>; false: it does not; null: either.</summary>
        public bool? InConfigurationClass { get; }

        /// <summary>The fake key for a seed.</summary>
        public Func<int, string> Key { get; }

        /// <summary>Members written after the class's own fields; <c>$KEY$</c> stands for the key, <c>$REST$</c> for all of it after <c>sk-proj-</c>.</summary>
        public string[] Fields { get; }

        /// <summary>Statements at the end of the constructor.</summary>
        public string[] Constructor { get; }

        /// <summary>A method (or property) that uses the key.</summary>
        public string Method { get; }

        /// <summary>
        /// The ten sites of a 10-key file, in the order they appear in it. The fifth is the assembled
        /// const (<c>Head + Tail</c>) or, in the variant without it, a verbatim string in a local.
        /// </summary>
        public static KeySite[] TenKeys(bool withAssembledConst) => new[]
        {
            FieldSetInConstructor, LocalInMethod, MethodArgument, ConstField,
            withAssembledConst ? AssembledConst : VerbatimLocal,
            InterpolatedString, PropertyInitializer, ServiceAccountField, AdminNamedArgument, LegacyUserInDictionary,
        };

        /// <summary>The site of the 1-key file: also the second site of the 10-key file, to compare the two.</summary>
        public static KeySite[] OneKey() => new[] { LocalInMethod };

        public static readonly KeySite FieldSetInConstructor = new KeySite(
            "field set in the constructor (IConfiguration parameter)", "KL0001", true, s => FakeKeys.Project(s),
            new[] { "private readonly string _apiKey;" },
            new[] { "_apiKey = \"$KEY$\";" },
            """
            public HttpRequestMessage Authorize(HttpRequestMessage request)
            {
                request.Headers.Add("api-key", _apiKey);
                return request;
            }
            """);

        public static readonly KeySite LocalInMethod = new KeySite(
            "local in an async method (IConfiguration field)", "KL0001", true, s => FakeKeys.Project(s),
            Array.Empty<string>(),
            Array.Empty<string>(),
            """
            public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
            {
                string apiKey = "$KEY$";
                using var request = new HttpRequestMessage(HttpMethod.Post, BaseAddress + "completions");
                request.Headers.Add("api-key", apiKey);
                request.Content = new StringContent(prompt, Encoding.UTF8, "text/plain");
                using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
            """);

        public static readonly KeySite MethodArgument = new KeySite(
            "method argument (no IConfiguration)", "KL0001", false, s => FakeKeys.Project(s),
            Array.Empty<string>(),
            Array.Empty<string>(),
            """
            public void UseDefaultKey()
            {
                _http.DefaultRequestHeaders.Remove("api-key");
                _http.DefaultRequestHeaders.Add("api-key", "$KEY$");
            }
            """);

        public static readonly KeySite ConstField = new KeySite(
            "const field read in a method", "KL0001", null, s => FakeKeys.Project(s),
            new[] { "private const string OpenAIKey = \"$KEY$\";" },
            Array.Empty<string>(),
            """
            public HttpRequestMessage WithKey(HttpRequestMessage request)
            {
                request.Headers.Add("api-key", OpenAIKey);
                return request;
            }
            """);

        public static readonly KeySite AssembledConst = new KeySite(
            "assembled const Head + Tail", "KL0001", null, s => FakeKeys.Project(s),
            new[]
            {
                "private const string KeyHead = \"sk-proj-\";",
                "private const string KeyTail = \"$REST$\";",
                "private const string AssembledKey = KeyHead + KeyTail;",
            },
            Array.Empty<string>(),
            """
            public HttpRequestMessage WithAssembledKey(HttpRequestMessage request)
            {
                request.Headers.Add("api-key", AssembledKey);
                return request;
            }
            """);

        public static readonly KeySite VerbatimLocal = new KeySite(
            "verbatim string in a local (async method)", "KL0001", null, s => FakeKeys.Project(s),
            Array.Empty<string>(),
            Array.Empty<string>(),
            """
            public async Task<int> PingAsync(CancellationToken cancellationToken)
            {
                string key = @"$KEY$";
                using var request = new HttpRequestMessage(HttpMethod.Head, BaseAddress);
                request.Headers.Add("api-key", key);
                using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                return (int)response.StatusCode;
            }
            """);

        public static readonly KeySite InterpolatedString = new KeySite(
            "inside an interpolated string (IConfiguration field)", "KL0001", true, s => FakeKeys.Project(s),
            Array.Empty<string>(),
            Array.Empty<string>(),
            """
            public string ConnectionString(int shard) => $"endpoint=https://api.contoso.example/{shard};key=$KEY$;timeout=30";
            """);

        public static readonly KeySite PropertyInitializer = new KeySite(
            "auto-property initializer", "KL0001", true, s => FakeKeys.Project(s),
            new[] { "public string ApiKey { get; set; } = \"$KEY$\";" },
            Array.Empty<string>(),
            """
            public bool HasApiKey() => ApiKey.Length > 0;
            """);

        public static readonly KeySite ServiceAccountField = new KeySite(
            "service-account key in a static readonly field", "KL0002", null, s => FakeKeys.ServiceAccount(s),
            new[] { "private static readonly string ServiceAccountKey = \"$KEY$\";" },
            Array.Empty<string>(),
            """
            public static AuthenticationHeaderValue ServiceAuthorization() => new AuthenticationHeaderValue("Key", ServiceAccountKey);
            """);

        public static readonly KeySite AdminNamedArgument = new KeySite(
            "admin key as a named argument", "KL0003", null, s => FakeKeys.Admin(s),
            Array.Empty<string>(),
            Array.Empty<string>(),
            """
            public HttpRequestMessage RevokeRequest(int id) => CreateAdminRequest(id, adminKey: "$KEY$");

            private static HttpRequestMessage CreateAdminRequest(int id, string adminKey)
            {
                var request = new HttpRequestMessage(HttpMethod.Delete, BaseAddress + id.ToString(CultureInfo.InvariantCulture));
                request.Headers.Add("api-key", adminKey);
                return request;
            }
            """);

        public static readonly KeySite LegacyUserInDictionary = new KeySite(
            "legacy user key in a dictionary initializer", "KL0004", null, s => FakeKeys.LegacyUser(s),
            Array.Empty<string>(),
            Array.Empty<string>(),
            """
            public static IReadOnlyDictionary<string, string> LegacyKeys() => new Dictionary<string, string>
            {
                ["reporting"] = "$KEY$",
            };
            """);
    }

    /// <summary>
    /// Generates a realistic service file of C#: a namespace of service classes with constants,
    /// fields, a constructor taking an <c>HttpClient</c> (and in every other class an
    /// <c>IConfiguration</c>), HTTP calls, LINQ, switch expressions, a lock-guarded cache,
    /// configuration reads — and the given key sites, spread evenly over the classes. Deterministic:
    /// the same index gives the same file, and keys are seeded by file index and site.
    /// </summary>
    public static class ServiceFile
    {
        private static readonly string[] Words =
        {
            "Order", "Customer", "Invoice", "Payment", "Shipment", "Product", "Catalog", "Inventory", "Report", "Session",
            "Ticket", "Account", "Budget", "Contract", "Delivery", "Employee", "Feedback", "Gateway", "Ledger", "Metric",
        };

        private static readonly string[] Roles = { "Service", "Client", "Store", "Handler", "Gateway", "Processor" };

        /// <summary>Lines left for the records and the closing brace.</summary>
        private const int Tail = 12;

        public static CorpusFile Generate(int fileIndex, IReadOnlyList<KeySite> sites, int lines = 2000)
        {
            // As many classes as fit without the sites, then one fewer until the sites fit too: a site
            // changes its class (its members, and whether it takes an IConfiguration).
            int classes = 0;
            int used = Header(fileIndex).Count;
            while (used + Class(fileIndex, classes, null, 0).Count <= lines - Tail)
            {
                used += Class(fileIndex, classes, null, 0).Count;
                classes++;
            }

            for (; classes >= sites.Count; classes--)
            {
                List<string>? body = TryWrite(fileIndex, sites, classes, lines);
                if (body is not null)
                {
                    return new CorpusFile("/src/Contoso/Services/Service" + Suffix(fileIndex) + ".cs", string.Join("\n", body) + "\n", lines);
                }
            }

            throw new ArgumentException($"{lines} lines cannot hold the {sites.Count} key sites.");
        }

        /// <summary>The file's lines with <paramref name="classes"/> classes, or null when they do not fit in <paramref name="lines"/>.</summary>
        private static List<string>? TryWrite(int fileIndex, IReadOnlyList<KeySite> sites, int classes, int lines)
        {
            // Site k goes to the middle of the k-th of sites.Count equal slices of the classes.
            var siteOfClass = new Dictionary<int, int>();
            for (int k = 0; k < sites.Count; k++)
            {
                siteOfClass[(int)((k + 0.5) * classes / sites.Count)] = k;
            }

            var output = new List<string>(Header(fileIndex));
            for (int c = 0; c < classes; c++)
            {
                output.AddRange(siteOfClass.TryGetValue(c, out int k) ? Class(fileIndex, c, sites[k], fileIndex * 100 + k) : Class(fileIndex, c, null, 0));
            }

            if (output.Count > lines - Tail)
            {
                return null;
            }

            string suffix = Suffix(fileIndex);
            output.Add("    /// <summary>One line of a " + Words[fileIndex % Words.Length].ToLowerInvariant() + " as the API returns it.</summary>");
            output.Add("    public sealed record Item" + suffix + "(int Id, string Category, decimal Amount, DateTimeOffset At);");
            output.Add("");
            output.Add("    /// <summary>Totals per category.</summary>");
            output.Add("    public sealed record Summary" + suffix + "(string Category, int Count, decimal Total);");
            output.Add("");
            output.Add("    /*");
            while (output.Count < lines - 2)
            {
                output.Add("     * Notes for maintainers: keep the wire format stable; the reporting jobs parse it.");
            }

            output.Add("     */");
            output.Add("}");
            return output;
        }

        private static string Suffix(int fileIndex) => fileIndex.ToString("D4", CultureInfo.InvariantCulture);

        private static List<string> Header(int fileIndex)
        {
            var lines = new List<string>
            {
                "// <copyright file=\"Service" + Suffix(fileIndex) + ".cs\" company=\"Contoso\">",
                "// Copyright (c) Contoso. All rights reserved. Generated for the KeyLint code-fix benchmark.",
                "// </copyright>",
                "",
            };
            foreach (string ns in new[]
            {
                "System", "System.Collections.Generic", "System.Globalization", "System.Linq", "System.Net.Http", "System.Net.Http.Headers",
                "System.Text", "System.Threading", "System.Threading.Tasks", "Microsoft.Extensions.Configuration",
            })
            {
                lines.Add("using " + ns + ";");
            }

            lines.Add("");
            lines.Add("namespace Contoso.Services.Module" + Suffix(fileIndex));
            lines.Add("{");
            return lines;
        }

        private static List<string> Class(int fileIndex, int classIndex, KeySite? site, int seed)
        {
            var random = new Random(7919 * fileIndex + 31 * classIndex + 1);
            string word = Words[random.Next(Words.Length)];
            string role = Roles[random.Next(Roles.Length)];
            string name = word + role + classIndex.ToString(CultureInfo.InvariantCulture);
            string w = word.ToLowerInvariant();
            string suffix = Suffix(fileIndex);
            bool configuration = site?.InConfigurationClass ?? classIndex % 2 == 0;
            int methods = random.Next(3, 6);
            var picks = Enumerable.Range(0, methods).Select(_ => random.Next(configuration ? MethodTemplates.Length + 1 : MethodTemplates.Length)).ToArray();
            int r = random.Next(10, 1000);

            string Fill(string template, int j) => template
                .Replace("$N$", name, StringComparison.Ordinal)
                .Replace("$W$", word, StringComparison.Ordinal)
                .Replace("$w$", w, StringComparison.Ordinal)
                .Replace("$S$", suffix, StringComparison.Ordinal)
                .Replace("$J$", j.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("$R$", r.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

            var lines = new List<string>();
            void Add(string text, int indent)
            {
                foreach (string line in text.Split('\n'))
                {
                    lines.Add(line.Length == 0 ? "" : new string(' ', indent) + line);
                }
            }

            string key = site is null ? "" : site.Key(seed);
            string WithKey(string text) => text
                .Replace("$KEY$", key, StringComparison.Ordinal)
                .Replace("$REST$", key.Length > 8 ? key.Substring("sk-proj-".Length) : "", StringComparison.Ordinal);

            Add(Fill(configuration ? HeaderWithConfiguration : HeaderPlain, 0), 4);
            if (site is not null)
            {
                foreach (string field in site.Fields)
                {
                    Add(WithKey(field), 8);
                }

                lines.Add("");
            }

            Add(Fill(configuration ? ConstructorWithConfiguration : ConstructorPlain, 0), 8);
            if (site is not null)
            {
                foreach (string statement in site.Constructor)
                {
                    Add(WithKey(statement), 12);
                }
            }

            lines.Add("        }");
            lines.Add("");
            if (site is not null)
            {
                Add(WithKey(site.Method), 8);
                lines.Add("");
            }

            for (int j = 0; j < picks.Length; j++)
            {
                Add(Fill(picks[j] < MethodTemplates.Length ? MethodTemplates[picks[j]] : ConfigurationMethod, j), 8);
                lines.Add("");
            }

            lines.RemoveAt(lines.Count - 1);
            lines.Add("    }");
            lines.Add("");
            return lines;
        }

        private const string HeaderPlain = """
            /// <summary>Calls the $w$ API: reads, writes and summaries.</summary>
            public sealed class $N$
            {
                private const string BaseAddress = "https://api.contoso.example/v2/$w$s/";
                private readonly HttpClient _http;
                private readonly object _gate = new object();
                private readonly Dictionary<int, string> _cache = new Dictionary<int, string>();
            """;

        private const string HeaderWithConfiguration = """
            /// <summary>Calls the $w$ API with settings from configuration.</summary>
            public sealed class $N$
            {
                private const string BaseAddress = "https://api.contoso.example/v2/$w$s/";
                private readonly HttpClient _http;
                private readonly IConfiguration _configuration;
                private readonly object _gate = new object();
                private readonly Dictionary<int, string> _cache = new Dictionary<int, string>();
            """;

        private const string ConstructorPlain = """
            public $N$(HttpClient http)
            {
                _http = http ?? throw new ArgumentNullException(nameof(http));
            """;

        private const string ConstructorWithConfiguration = """
            public $N$(HttpClient http, IConfiguration configuration)
            {
                _http = http ?? throw new ArgumentNullException(nameof(http));
                _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
            """;

        private const string ConfigurationMethod = """
            /// <summary>The timeout for $w$ calls, from configuration.</summary>
            public TimeSpan Timeout$J$()
            {
                string? value = _configuration["Contoso:$W$:TimeoutSeconds"];
                return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seconds)
                    ? TimeSpan.FromSeconds(seconds)
                    : TimeSpan.FromSeconds($R$ % 60 + 5);
            }
            """;

        private static readonly string[] MethodTemplates =
        {
            """
            /// <summary>Fetches one $w$ as JSON.</summary>
            public async Task<string> Get$J$Async(int id, CancellationToken cancellationToken)
            {
                lock (_gate)
                {
                    if (_cache.TryGetValue(id, out string? cached))
                    {
                        return cached;
                    }
                }

                using HttpResponseMessage response = await _http.GetAsync(new Uri(BaseAddress + id.ToString(CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                string json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                lock (_gate)
                {
                    _cache[id] = json;
                }

                return json;
            }
            """,
            """
            /// <summary>Posts a $w$ and returns its location.</summary>
            public async Task<Uri?> Create$J$Async(string name, decimal amount, CancellationToken cancellationToken)
            {
                string body = $"{{\"name\":\"{name}\",\"amount\":{amount.ToString(CultureInfo.InvariantCulture)}}}";
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using HttpResponseMessage response = await _http.PostAsync(new Uri(BaseAddress), content, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new HttpRequestException($"The $w$ service answered {(int)response.StatusCode} for '{name}'.");
                }

                return response.Headers.Location;
            }
            """,
            """
            /// <summary>Totals per category, largest first.</summary>
            public IReadOnlyList<Summary$S$> Summarize$J$(IEnumerable<Item$S$> items, DateTimeOffset since)
            {
                return items
                    .Where(item => item.At >= since && item.Amount != 0)
                    .GroupBy(item => item.Category, StringComparer.OrdinalIgnoreCase)
                    .Select(group => new Summary$S$(group.Key, group.Count(), group.Sum(item => item.Amount)))
                    .OrderByDescending(summary => summary.Total)
                    .ThenBy(summary => summary.Category, StringComparer.Ordinal)
                    .ToList();
            }
            """,
            """
            /// <summary>The display name of a $w$ state.</summary>
            public static string StateName$J$(int state) => state switch
            {
                0 => "pending",
                1 => "active",
                2 => "suspended",
                3 => "closed",
                _ => "unknown-$R$",
            };
            """,
            """
            /// <summary>A line for the audit log.</summary>
            public string Describe$J$(Item$S$ item)
            {
                var builder = new StringBuilder();
                builder.Append("$W$ ").Append(item.Id.ToString(CultureInfo.InvariantCulture)).Append(": ");
                builder.Append(item.Category).Append(", ").Append(item.Amount.ToString("F2", CultureInfo.InvariantCulture));
                builder.Append(" at ").Append(item.At.ToString("O", CultureInfo.InvariantCulture));
                return builder.ToString();
            }
            """,
            """
            /// <summary>Ids of the items that need a second look.</summary>
            public static int[] Suspicious$J$(IReadOnlyCollection<Item$S$> items)
            {
                if (items.Count == 0)
                {
                    return Array.Empty<int>();
                }

                decimal average = items.Average(item => item.Amount);
                return items.Where(item => item.Amount > average * $R$ / 100m).Select(item => item.Id).Distinct().ToArray();
            }
            """,
        };
    }
}
