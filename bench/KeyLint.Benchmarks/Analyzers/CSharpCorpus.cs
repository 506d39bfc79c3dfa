using System;
using System.Collections.Generic;
using System.Text;
using KeyLint.Tests;

namespace KeyLint.Benchmarks.Analyzers
{
    /// <summary>One generated source file.</summary>
    public sealed class CorpusFile
    {
        public CorpusFile(string path, string text, int lines)
        {
            Path = path;
            Text = text;
            Lines = lines;
        }

        public string Path { get; }

        public string Text { get; }

        public int Lines { get; }
    }

    /// <summary>
    /// Generates realistic, compilable C#: namespaces of classes with constants, fields, properties,
    /// constructors and methods that use string literals of every form (regular, verbatim, raw,
    /// UTF-8, interpolated, raw interpolated), switch expressions, LINQ, async HTTP calls with bearer
    /// tokens, regexes, records, comments and documentation comments — and a few fake keys (whole,
    /// in comments, assembled from constants). Every file has exactly <see cref="LinesPerFile"/>
    /// lines; file <c>i</c> depends only on <c>i</c>, so a smaller corpus is a prefix of a larger one.
    /// </summary>
    public static class CSharpCorpus
    {
        public const int LinesPerFile = 2000;

        private static readonly string[] Words =
        {
            "Order", "Customer", "Invoice", "Payment", "Shipment", "Product", "Catalog", "Inventory", "Report", "Session",
            "Ticket", "Account", "Budget", "Contract", "Delivery", "Employee", "Feedback", "Gateway", "Ledger", "Metric",
        };

        private static readonly string[] Roles = { "Service", "Store", "Formatter", "Client", "Validator", "Builder", "Cache", "Handler" };

        /// <summary>Files until their total length reaches <paramref name="targetChars"/>.</summary>
        public static List<CorpusFile> Generate(long targetChars, bool useOpenAI, bool bearerHeavy = false)
        {
            var files = new List<CorpusFile>();
            long total = 0;
            for (int index = 0; total < targetChars; index++)
            {
                CorpusFile file = GenerateFile(index, useOpenAI, bearerHeavy);
                files.Add(file);
                total += file.Text.Length;
            }

            return files;
        }

        public static CorpusFile GenerateFile(int fileIndex, bool useOpenAI, bool bearerHeavy = false)
        {
            var random = new Random(977 * fileIndex + 13);
            var writer = new Writer();
            writer.Line("// <copyright file=\"Module" + fileIndex.ToString("D4") + ".cs\" company=\"Contoso\">");
            writer.Line("// Copyright (c) Contoso. All rights reserved. Generated for the KeyLint benchmarks.");
            writer.Line("// </copyright>");
            writer.Line();
            foreach (string ns in new[]
            {
                "System", "System.Collections.Generic", "System.Globalization", "System.IO", "System.Linq", "System.Net.Http",
                "System.Net.Http.Headers", "System.Text", "System.Text.RegularExpressions", "System.Threading", "System.Threading.Tasks",
            })
            {
                writer.Line("using " + ns + ";");
            }

            writer.Line();
            writer.Line("namespace Contoso.Module" + fileIndex.ToString("D4"));
            writer.Line("{");

            // Leave room for the closing brace and the helper types at the end.
            const int Reserve = 40;
            int classIndex = 0;
            while (true)
            {
                var cls = new Writer();
                WriteClass(cls, random, fileIndex, classIndex, useOpenAI, bearerHeavy);
                if (writer.Lines + cls.Lines > LinesPerFile - Reserve)
                {
                    break;
                }

                writer.Append(cls);
                classIndex++;
            }

            string word = Words[fileIndex % Words.Length];
            writer.Line("    /// <summary>The states a " + word.ToLowerInvariant() + " goes through.</summary>");
            writer.Line("    public enum " + word + "State" + fileIndex + " { Pending, Active, Suspended, Closed }");
            writer.Line();
            writer.Line("    /// <summary>A " + word.ToLowerInvariant() + " as the API returns it.</summary>");
            writer.Line("    public sealed record " + word + "Dto" + fileIndex + "(int Id, string Name, string Culture, " + word + "State" + fileIndex + " State);");
            writer.Line();

            // Pad with a comment block to exactly LinesPerFile lines.
            writer.Line("    /*");
            while (writer.Lines < LinesPerFile - 2)
            {
                writer.Line("     * Notes for maintainers: keep the wire format stable; the reporting jobs parse it.");
            }

            writer.Line("     */");
            writer.Line("}");
            if (writer.Lines != LinesPerFile)
            {
                throw new InvalidOperationException($"File {fileIndex} has {writer.Lines} lines.");
            }

            return new CorpusFile("/src/Contoso/Module" + fileIndex.ToString("D4") + ".cs", writer.ToString(), writer.Lines);
        }

        private static void WriteClass(Writer w, Random random, int fileIndex, int classIndex, bool useOpenAI, bool bearerHeavy)
        {
            string word = Words[random.Next(Words.Length)];
            string other = Words[random.Next(Words.Length)];
            string role = Roles[random.Next(Roles.Length)];
            string name = word + role + fileIndex + "_" + classIndex;
            int r = random.Next(1, 1000);
            var t = new Dictionary<string, string>
            {
                ["$N$"] = name,
                ["$W$"] = word,
                ["$w$"] = word.ToLowerInvariant(),
                ["$O$"] = other,
                ["$o$"] = other.ToLowerInvariant(),
                ["$R$"] = r.ToString(),
            };

            w.Template(t, ClassHeader);

            // A few fake keys, one file in ten for each of three shapes (about 75 in 20 MB).
            if (fileIndex % 10 == 2 && classIndex == 3)
            {
                w.Line("        // A key someone pasted to try something (KL0001).");
                w.Line("        private const string LegacyApiKey = \"" + FakeKeys.Project(fileIndex) + "\";");
                w.Line();
            }
            else if (fileIndex % 10 == 5 && classIndex == 5)
            {
                w.Line("        // The old key was " + FakeKeys.LegacyUser(fileIndex) + " (KL0005)");
                w.Line();
            }
            else if (fileIndex % 10 == 8 && classIndex == 1)
            {
                string key = FakeKeys.Project(fileIndex);
                w.Line("        private const string KeyHead = \"sk-proj-\";");
                w.Line("        private const string KeyTail = \"" + key.Substring("sk-proj-".Length) + "\";");
                w.Line("        internal const string AssembledKey = KeyHead + KeyTail; // KL0001, assembled from constants");
                w.Line();
            }

            int methods = random.Next(6, 11);
            for (int j = 0; j < methods; j++)
            {
                t["$J$"] = j.ToString();
                t["$R$"] = random.Next(1, 1000).ToString();
                int pick = random.Next(MethodTemplates.Length + (useOpenAI ? 1 : 0));
                string template = pick < MethodTemplates.Length ? MethodTemplates[pick] : OpenAIMethod;
                if (bearerHeavy && template == FetchMethod)
                {
                    // The header shapes of real HTTP code (Semantic Kernel's connectors, REST clients):
                    // tokens from parameters, fields and properties, Bearer and api-key headers.
                    t["$H$"] = HeaderLines[random.Next(HeaderLines.Length)];
                    template = HeaderMethod;
                }

                w.Template(t, template);
            }

            // A bearer-token call once per file (KL0007 looks at every "Bearer" with the semantic model).
            if (classIndex == 0)
            {
                t["$J$"] = "Bearer";
                w.Template(t, BearerMethod);
            }

            w.Line("    }");
            w.Line();
        }

        private const string ClassHeader = """
                /// <summary>
                /// Handles $w$s for the $o$ module: validation, formatting and transport.
                /// </summary>
                /// <remarks>Thread-safe for reads; writers take <see cref="_gate"/>.</remarks>
                public sealed class $N$
                {
                    private const string BaseAddress = "https://api.contoso.example/v2/$w$s/";
                    private const string DefaultCulture = "sk-SK";
                    private static readonly string[] KnownStates = { "pending", "active", "task-queued", "disk-full", "risk-high", "closed" };
                    private static readonly Dictionary<string, int> Priorities = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
                    {
                        ["low"] = 1,
                        ["normal"] = 2,
                        ["high"] = 3,
                    };

                    private readonly object _gate = new object();
                    private readonly HttpClient _http;
                    private readonly List<string> _log = new List<string>();
                    private string _name = "$w$-$R$";

                    public $N$(HttpClient http)
                    {
                        _http = http ?? throw new ArgumentNullException(nameof(http));
                    }

                    /// <summary>Gets or sets the display name of this $w$ handler.</summary>
                    public string Name
                    {
                        get => _name;
                        set => _name = value ?? throw new ArgumentNullException(nameof(value), "The $w$ name is required.");
                    }

                    public int Count { get; private set; }

                    public string Culture { get; set; } = DefaultCulture;

                    public IReadOnlyList<string> Log => _log;

            """;

        private const string FetchMethod = """
                    /// <summary>Fetches a $w$; <paramref name="apiKey"/> comes from configuration.</summary>
                    public async Task<string> Fetch$J$Async(string apiKey, int id, CancellationToken cancellationToken)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, BaseAddress + id.ToString(CultureInfo.InvariantCulture));
                        request.Headers.Add("X-Api-Key", apiKey);
                        request.Headers.Add("X-Request-Id", $"req-$w$-{id}-$R$");
                        using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                        if (!response.IsSuccessStatusCode)
                        {
                            throw new HttpRequestException($"The $w$ service answered {(int)response.StatusCode} for {id}.");
                        }

                        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    }

            """;

        private static readonly string[] HeaderLines =
        {
            "request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", apiKey);",
            "request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", _name);",
            "request.Headers.Add(\"Authorization\", $\"Bearer {Name}\");",
            "request.Headers.Add(\"Authorization\", \"Bearer \" + apiKey);",
            "_http.DefaultRequestHeaders.TryAddWithoutValidation(\"Authorization\", \"Bearer \" + Culture);",
            "request.Headers.Add(\"api-key\", apiKey);",
            "request.Headers.TryAddWithoutValidation(\"api-key\", Name);",
            "request.Headers.Add(\"Accept\", \"application/json\");",
            "_log.Add(\"bearer token refreshed for item \" + id.ToString(CultureInfo.InvariantCulture));",
        };

        private const string HeaderMethod = """
                    /// <summary>Fetches a $w$ with the credential the caller holds.</summary>
                    public async Task<string> Fetch$J$Async(string apiKey, int id, CancellationToken cancellationToken)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, BaseAddress + id.ToString(CultureInfo.InvariantCulture));
                        $H$
                        request.Headers.Add("X-Request-Id", $"req-$w$-{id}-$R$");
                        using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                        if (!response.IsSuccessStatusCode)
                        {
                            throw new HttpRequestException($"The $w$ service answered {(int)response.StatusCode} for {id}.");
                        }

                        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    }

            """;

        private const string BearerMethod = """
                    /// <summary>Fetches a $w$; <paramref name="token"/> comes from the identity provider.</summary>
                    public async Task<string> Fetch$J$Async(string token, int id, CancellationToken cancellationToken)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, BaseAddress + id.ToString(CultureInfo.InvariantCulture));
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        request.Headers.Add("X-Request-Id", $"req-$w$-{id}-$R$");
                        using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                        if (!response.IsSuccessStatusCode)
                        {
                            throw new HttpRequestException($"The $w$ service answered {(int)response.StatusCode} for {id}.");
                        }

                        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    }

            """;

        private const string OpenAIMethod = """
                    /// <summary>A chat client for $w$ summaries; the key comes from the caller.</summary>
                    public OpenAI.Chat.ChatClient CreateChatClient$J$(string apiKey)
                    {
                        var credential = new System.ClientModel.ApiKeyCredential(apiKey);
                        return new OpenAI.Chat.ChatClient("gpt-4o-mini", credential);
                    }

            """;

        private static readonly string[] MethodTemplates =
        {
            """
                    /// <summary>Describes one $w$ for the logs.</summary>
                    public string Describe$J$(int id, string label)
                    {
                        // Keep the format stable: the dashboards parse it.
                        var builder = new StringBuilder();
                        builder.Append("$W$ ").Append(id).Append(": ");
                        builder.Append($"label '{label}', state {KnownStates[id % KnownStates.Length]}, at {DateTime.UtcNow:O}");
                        if (label.StartsWith("task-", StringComparison.Ordinal))
                        {
                            builder.Append(" (queued by the task-runner)");
                        }

                        Count++;
                        return builder.ToString();
                    }

            """,
            """
                    public string PathFor$J$(int id)
                    {
                        string root = @"C:\data\$w$s\archive\";
                        string file = id.ToString(CultureInfo.InvariantCulture) + ".json";
                        return Path.Combine(root, "$o$", file);
                    }

            """,
            """"
                    public string Json$J$(int id)
                    {
                        string template = """
                            {
                              "kind": "$w$",
                              "culture": "sk-SK",
                              "tags": ["alpha", "beta", "risk-$R$"]
                            }
                            """;
                        return template.Replace("\"alpha\"", "\"" + id.ToString(CultureInfo.InvariantCulture) + "\"", StringComparison.Ordinal);
                    }

            """",
            """
                    public static int Rank$J$(string state) => state switch
                    {
                        "pending" => 1,
                        "active" => 2,
                        "task-queued" => 3,
                        "closed" => 4,
                        _ => 0,
                    };

            """,
            """
                    public IReadOnlyList<string> Filter$J$(IEnumerable<string> items, string prefix)
                    {
                        return items
                            .Where(item => item.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                            .Select(item => item.Trim().ToUpperInvariant())
                            .Where(item => item.Length > 3 && !item.Contains("DISK-", StringComparison.Ordinal))
                            .OrderBy(item => item, StringComparer.Ordinal)
                            .ToList();
                    }

            """,
            FetchMethod,
            """
                    public void Validate$J$(string value, int min, int max)
                    {
                        if (string.IsNullOrWhiteSpace(value))
                        {
                            throw new ArgumentException("The $w$ value must not be empty.", nameof(value));
                        }

                        if (value.Length < min || value.Length > max)
                        {
                            throw new ArgumentOutOfRangeException(nameof(value), value.Length, string.Format(CultureInfo.InvariantCulture, "Expected {0} to {1} characters for a $w$.", min, max));
                        }

                        lock (_gate)
                        {
                            _log.Add("validated: " + value + " (" + Name + ")");
                        }
                    }

            """,
            """
                    public string Query$J$(int top) =>
                        @"SELECT TOP (@top) o.Id, o.Name, o.State
                          FROM dbo.$W$s AS o
                          WHERE o.State <> 'closed' AND o.Name NOT LIKE 'task-%'
                          ORDER BY o.Id DESC;".Replace("@top", top.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

            """,
            """
                    public static int Header$J$(Span<byte> destination)
                    {
                        ReadOnlySpan<byte> prefix = "$w$:v$R$:"u8;
                        prefix.CopyTo(destination);
                        return prefix.Length;
                    }

            """,
            """
                    public Dictionary<string, string> Settings$J$(string environment)
                    {
                        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                        {
                            ["Endpoint"] = BaseAddress,
                            ["Environment"] = environment,
                            ["Culture"] = Culture,
                            ["Retry"] = $"{3 + $R$ % 5} times, backoff {($R$ % 7) * 100} ms",
                            ["Note"] = "ask the desk-side team before changing this",
                        };
                        foreach (string state in KnownStates)
                        {
                            settings[$"state:{state}"] = state.ToUpperInvariant();
                        }

                        return settings;
                    }

            """,
            """
                    private static readonly Regex IdPattern$J$ = new Regex(@"^$w$-(?<id>[0-9]{4,8})$", RegexOptions.CultureInvariant);

                    public static bool TryParseId$J$(string text, out int id)
                    {
                        Match match = IdPattern$J$.Match(text);
                        id = match.Success ? int.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture) : 0;
                        return match.Success;
                    }

            """,
            """
                    public (int Total, string Summary) Summarize$J$(IReadOnlyList<int> values)
                    {
                        int total = 0;
                        foreach (int value in values)
                        {
                            total += value switch
                            {
                                < 0 => 0,
                                > 1000 => 1000,
                                _ => value,
                            };
                        }

                        string Format(int t) => $"{t,8:N0} $w$s in {values.Count} batches";
                        return (total, Format(total));
                    }

            """,
            """
                    /*
                     * Priority of a $w$ for the $o$ queue. Unknown names are "normal":
                     * the queue never rejects work because of a typo in a config file.
                     */
                    public int PriorityOf$J$(string? name)
                    {
                        if (name is null || !Priorities.TryGetValue(name, out int priority))
                        {
                            return Priorities["normal"];
                        }

                        return priority * $R$;
                    }

            """,
            """"
                    public string Render$J$(string user, int count, decimal amount)
                    {
                        string summary = $$"""
                            {"user": "{{user}}", "count": {{count}}, "amount": "{{amount.ToString("F2", CultureInfo.InvariantCulture)}}", "kind": "$w$"}
                            """;
                        return @$"{summary}\n-- rendered by {Name} for C:\reports\{user}";
                    }

            """",
        };

        /// <summary>A StringBuilder that counts lines.</summary>
        private sealed class Writer
        {
            private readonly StringBuilder _builder = new StringBuilder();

            public int Lines { get; private set; }

            public void Line(string text = "")
            {
                _builder.Append(text).Append('\n');
                Lines++;
            }

            public void Append(Writer other)
            {
                _builder.Append(other._builder);
                Lines += other.Lines;
            }

            /// <summary>Writes <paramref name="template"/> with its tokens (<c>$N$</c>, <c>$w$</c>, …) replaced.</summary>
            public void Template(Dictionary<string, string> tokens, string template)
            {
                var text = new StringBuilder(template);
                foreach (KeyValuePair<string, string> token in tokens)
                {
                    text.Replace(token.Key, token.Value);
                }

                foreach (string line in text.ToString().Split('\n'))
                {
                    Line(line);
                }
            }

            public override string ToString() => _builder.ToString();
        }
    }
}
