using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace KeyLint.Tests.Reliability
{
    /// <summary>
    /// Test-like C# sources that compile, with keys (all made by <see cref="FakeKeys"/>) in many
    /// positions: fields, consts, locals, every string form, comments, directives, disabled code,
    /// keys assembled from constants, and constant credentials passed to OpenAI client libraries.
    /// </summary>
    internal static class ReliabilitySources
    {
        public sealed class Source
        {
            public Source(string name, string text, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
            {
                Name = name;
                Text = text;
                OutputKind = outputKind;
            }

            public string Name { get; }

            public string Text { get; }

            public OutputKind OutputKind { get; }

            public override string ToString() => Name;
        }

        /// <summary>Keys of every kind in code, comments and directives, with IConfiguration in scope.</summary>
        public static Source KeysEverywhere(int seed = 300)
        {
            string project = FakeKeys.Project(seed);
            string projectShort = FakeKeys.ProjectShort(seed + 1);
            string service = FakeKeys.ServiceAccount(seed + 2);
            string named = FakeKeys.NamedService("my-service", seed + 3);
            string admin = FakeKeys.Admin(seed + 4);
            string legacy = FakeKeys.LegacyUser(seed + 5);
            string legacyLong = FakeKeys.LegacyUserLong(seed + 6);
            string none = FakeKeys.None(seed + 7);
            string verbatim = FakeKeys.Project(seed + 8, 58);
            string interpolated = FakeKeys.ServiceAccount(seed + 9, 58);
            string raw = FakeKeys.Admin(seed + 10, 74);
            string utf8 = FakeKeys.Project(seed + 11);
            string escaped = FakeKeys.ProjectShort(seed + 12);
            string assembled = FakeKeys.Admin(seed + 13);
            string asyncKey = FakeKeys.Project(seed + 14);
            string lambda = FakeKeys.LegacyUserLong(seed + 15);
            string array = FakeKeys.None(seed + 16);
            string local = FakeKeys.Project(seed + 17, 58);
            string constLocal = FakeKeys.ServiceAccount(seed + 18);
            string comment = FakeKeys.Project(seed + 19);
            string doc = FakeKeys.Admin(seed + 20);
            string disabled = FakeKeys.LegacyUser(seed + 21);
            string region = FakeKeys.None(seed + 22);
            string block = FakeKeys.ServiceAccount(seed + 23, 58);
            string header = FakeKeys.LegacyUser(seed + 24);
            string text = $$""""
                using System;
                using System.Net.Http;
                using System.Net.Http.Headers;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Configuration;

                namespace Reliability.Sample
                {
                    /// <summary>Holds keys. The previous one was {{doc}}.</summary>
                    public sealed class KeyHolder
                    {
                        // An old key: {{comment}}
                        private const string ConstKey = "{{project}}";
                        private static readonly string ReadonlyKey = "{{projectShort}}";
                        private readonly IConfiguration _configuration;

                        public KeyHolder(IConfiguration configuration)
                        {
                            _configuration = configuration;
                        }

                        public string Property { get; } = "{{service}}";

                        public string Named => "{{named}}";

                        public string Fields() => ConstKey + ReadonlyKey.Length + _configuration["Other"];

                        public string Verbatim() => @"{{verbatim}}";

                        public string Interpolated(int n) => $"key={{interpolated}};n={n}";

                        public string Raw() => """
                            {{raw}}
                            """;

                        public string InLongerText() => "Authorization: Bearer {{legacy}}";

                        public byte[] Utf8() => "{{utf8}}"u8.ToArray();

                        public string Escaped() => "\u0073{{escaped.Substring(1)}}";

                        public string Assembled()
                        {
                            const string prefix = "sk-admin-";
                            return prefix + "{{assembled.Substring(9)}}";
                        }

                        public async Task<string> ReadAsync()
                        {
                            await Task.Yield();
                            return "{{asyncKey}}";
                        }

                        public Func<string> Lambda => () => "{{lambda}}";

                        public string[] Array() => new[] { "{{array}}", "other", "{{legacyLong}}" };

                        public void Header(HttpClient client)
                        {
                            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "{{header}}");
                        }

                        public string Local()
                        {
                            var key = "{{local}}";
                            return key;
                        }

                        public string ConstLocal()
                        {
                            const string key = "{{constLocal}}";
                            return key + "{{none}}".Length;
                        }

                        /* {{block}} */
                #if false
                        private string _disabled = "{{disabled}}";
                #endif
                        #region {{region}}
                        public int Count => 1;
                        #endregion
                    }
                }
                """";
            return new Source("KeysEverywhere.cs", text);
        }

        /// <summary>Constant credentials of every shape passed to the OpenAI client libraries (KL0007), and one whole key.</summary>
        public static Source Credentials(int seed = 400)
        {
            string key = FakeKeys.Project(seed);
            string text = $$"""
                using System;
                using Microsoft.Extensions.Configuration;
                using Microsoft.SemanticKernel;

                namespace Reliability.Clients
                {
                    public sealed class Clients
                    {
                        private const string Part = "0123456789abcdef";
                        private static readonly string Placeholder = "your-api-key";
                        private readonly IConfiguration _configuration;

                        public Clients(IConfiguration configuration)
                        {
                            _configuration = configuration;
                        }

                        public OpenAI.OpenAIClient Create() => new OpenAI.OpenAIClient("my-placeholder-key");

                        public OpenAI.Chat.ChatClient Chat() => new OpenAI.Chat.ChatClient("gpt-4o", Placeholder);

                        public OpenAI.Chat.ChatClient WholeKey() => new OpenAI.Chat.ChatClient("gpt-4o", "{{key}}");

                        public System.ClientModel.ApiKeyCredential Credential() => new System.ClientModel.ApiKeyCredential(Part + "fedcba9876543210");

                        public Azure.AI.OpenAI.AzureOpenAIClient Azure() => new Azure.AI.OpenAI.AzureOpenAIClient(
                            new Uri("https://example.openai.azure.com"),
                            new Azure.AzureKeyCredential("0123456789abcdef0123456789abcdef"));

                        public Betalgo.Ranul.OpenAI.OpenAIOptions Options() => new Betalgo.Ranul.OpenAI.OpenAIOptions { ApiKey = $"{Part}-suffix" };

                        public void Header(System.Net.Http.HttpClient client) => client.DefaultRequestHeaders.Add("Authorization", "Bearer abc123-token-value");

                        public Kernel Kernel()
                        {
                            var apiKey = "a-key-of-a-future-format";
                            return Microsoft.SemanticKernel.Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", apiKey).Build();
                        }
                    }
                }
                """;
            return new Source("Credentials.cs", text);
        }

        /// <summary>Top-level statements and records: a console program.</summary>
        public static Source TopLevel(int seed = 500)
        {
            string first = FakeKeys.Project(seed + 50);
            string second = FakeKeys.LegacyUserLong(seed + 51);
            string third = FakeKeys.Admin(seed + 52, 74);
            string fourth = FakeKeys.None(seed + 53);
            string text = $$"""
                using System;
                using System.Linq;

                // Top-level program with keys in statements, a record and a local function.
                var key = "{{first}}";
                Console.WriteLine(key.Length);
                Console.WriteLine(Describe("{{second}}"));
                var settings = new Settings("{{third}}");
                Console.WriteLine(settings.Key.Length + Enumerable.Range(0, 2).Count());
                string Describe(string value) => value.Length > 0 ? $"{value.Length} characters, then {{fourth}}" : "none";

                record Settings(string Key);
                """;
            return new Source("TopLevel.cs", text, OutputKind.ConsoleApplication);
        }

        public static IReadOnlyList<Source> All() => new[] { KeysEverywhere(), Credentials(), TopLevel() };
    }
}
