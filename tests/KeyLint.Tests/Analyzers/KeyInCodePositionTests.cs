using System.Collections.Generic;
using System.Threading.Tasks;
using Verify = KeyLint.Tests.KeyLintVerifier<KeyLint.Analyzers.HardcodedOpenAIKeyAnalyzer>;

namespace KeyLint.Tests.Analyzers
{
    /// <summary>
    /// KL0001–KL0004: a key of every kind in every syntactic position and every form of C# string
    /// is reported once, on exactly the characters of the key, with a redacted message.
    /// </summary>
    public class KeyInCodePositionTests
    {
        /// <summary>Sources with %K% where the key goes; the diagnostic must cover exactly the key.</summary>
        private static readonly Dictionary<string, string> Positions = new()
        {
            ["FieldInitializer"] = """class C { private string _key = "%K%"; }""",
            ["ConstField"] = """class C { private const string Key = "%K%"; }""",
            ["StaticReadonlyField"] = """class C { private static readonly string Key = "%K%"; }""",
            ["Local"] = """class C { void M() { var key = "%K%"; System.Console.WriteLine(key); } }""",
            ["ConstLocal"] = """class C { void M() { const string key = "%K%"; System.Console.WriteLine(key); } }""",
            ["PropertyInitializer"] = """class C { public string Key { get; set; } = "%K%"; }""",
            ["ExpressionBodiedProperty"] = """class C { public string Key => "%K%"; }""",
            ["ExpressionBodiedMethod"] = """class C { public string GetKey() => "%K%"; }""",
            ["Return"] = """class C { public string GetKey() { return "%K%"; } }""",
            ["Argument"] = """class C { void M() { Use("%K%"); } void Use(string s) { } }""",
            ["NamedArgument"] = """class C { void M() { Use(apiKey: "%K%"); } void Use(string apiKey) { } }""",
            ["ConstructorArgument"] = """class C { C(string k) { } static C Make() => new C("%K%"); }""",
            ["AttributeArgument"] = """[System.Obsolete("%K%")] class C { }""",
            ["AttributeNamedArgument"] = """class A : System.Attribute { public string Key { get; set; } = ""; } [A(Key = "%K%")] class C { }""",
            ["DefaultParameterValue"] = """class C { void M(string apiKey = "%K%") { } }""",
            ["SwitchCaseLabel"] = """class C { int M(string s) { switch (s) { case "%K%": return 1; default: return 0; } } }""",
            ["SwitchExpressionArm"] = """class C { int M(string s) => s switch { "%K%" => 1, _ => 0 }; }""",
            ["CollectionInitializer"] = """using System.Collections.Generic; class C { List<string> Keys = new() { "a", "%K%" }; }""",
            ["ArrayInitializer"] = """class C { string[] Keys = { "a", "%K%" }; }""",
            ["DictionaryInitializer"] = """using System.Collections.Generic; class C { Dictionary<string, string> D = new() { ["OpenAI"] = "%K%" }; }""",
            ["DictionaryAddInitializer"] = """using System.Collections.Generic; class C { Dictionary<string, string> D = new() { { "OpenAI", "%K%" } }; }""",
            ["Lambda"] = """using System; class C { Func<string> F = () => "%K%"; }""",
            ["RecordPrimaryConstructorDefault"] = """record R(string ApiKey = "%K%");""",
            ["RecordWith"] = """record R(string ApiKey) { R M() => this with { ApiKey = "%K%" }; }""",
            ["TopLevelStatement"] = """var key = "%K%"; System.Console.WriteLine(key);""",
            ["ObjectInitializer"] = """class O { public string? ApiKey { get; set; } } class C { O M() => new O { ApiKey = "%K%" }; }""",
            ["Ternary"] = """class C { string M(bool b) => b ? "%K%" : ""; }""",
            ["NullCoalescing"] = """class C { string M(string? s) => s ?? "%K%"; }""",
            ["LocalFunction"] = """class C { void M() { string Key() => "%K%"; Key(); } }""",
            ["StructField"] = """struct S { public string K; public S() { K = "%K%"; } }""",
            ["InterfaceDefaultMember"] = """interface I { string Key => "%K%"; }""",
            ["EnumerableYield"] = """using System.Collections.Generic; class C { IEnumerable<string> M() { yield return "%K%"; } }""",
            ["StringInsideLongerText"] = """class C { string H = "Authorization: Bearer %K%"; }""",
            ["EnvironmentFileLine"] = """class C { string H = "OPENAI_API_KEY=%K%\n"; }""",
            ["VerbatimString"] = """class C { string K = @"%K%"; }""",
            ["VerbatimStringMultiLine"] = "class C { string K = @\"line one\nkey: %K%\nline three\"; }",
            ["RawString"] = "class C { string K = \"\"\"%K%\"\"\"; }",
            ["RawStringMultiLine"] = "class C\n{\n    string K = \"\"\"\n        {\n          \"apiKey\": \"%K%\"\n        }\n        \"\"\";\n}",
            ["Utf8String"] = """class C { System.ReadOnlySpan<byte> K => "%K%"u8; }""",
            ["Utf8RawString"] = "class C { System.ReadOnlySpan<byte> K => \"\"\"%K%\"\"\"u8; }",
            ["InterpolatedString"] = """class C { string M(string user) => $"Bearer %K% for {user}"; }""",
            ["InterpolatedVerbatimString"] = """class C { string M(string user) => $@"Bearer %K% for {user}"; }""",
            ["InterpolatedRawString"] = "class C { string M(string user) => $\"\"\"Bearer %K% for {user}\"\"\"; }",
            ["InterpolatedRawStringMultiLine"] = "class C\n{\n    string M(string user) => $\"\"\"\n        user: {user}\n        key: %K%\n        \"\"\";\n}",
            ["InterpolationFormatTextNotRequired"] = """class C { string M(int n) => $"{n} %K%"; }""",
        };

        public static IEnumerable<object[]> PositionsAndKinds()
        {
            foreach (string position in Positions.Keys)
            {
                foreach (string kind in KeyKinds.All)
                {
                    yield return new object[] { position, kind };
                }
            }
        }

        [Theory]
        [MemberData(nameof(PositionsAndKinds))]
        public async Task KeyInPosition_ShouldReportExactSpan(string position, string kind)
        {
            string key = KeyKinds.Key(kind);
            var test = new Verify.AnalyzerTest
            {
                TestCode = Positions[position].Replace("%K%", "{|#0:" + key + "|}"),
                ExpectedDiagnostics = { KeyKinds.InCode(kind, key).WithLocation(0) },
            };
            if (position.StartsWith("TopLevel", System.StringComparison.Ordinal))
            {
                test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            }

            await test.RunAsync();
        }

        [Fact]
        public async Task TwoKeysInOneLiteral_ShouldReportEach()
        {
            string first = FakeKeys.Project(seed: 1);
            string second = FakeKeys.Admin(seed: 2);
            await Verify.VerifyAnalyzerAsync(
                $$"""class C { string K = "{|#0:{{first}}|};{|#1:{{second}}|}"; }""",
                KeyKinds.InCode("Project", first).WithLocation(0),
                KeyKinds.InCode("Admin", second).WithLocation(1));
        }

        [Fact]
        public async Task SameKeyTwiceInOneLiteral_ShouldReportEachOccurrence()
        {
            string key = FakeKeys.Project();
            await Verify.VerifyAnalyzerAsync(
                $$"""class C { string K = "{|#0:{{key}}|} {|#1:{{key}}|}"; }""",
                KeyKinds.InCode("Project", key).WithLocation(0),
                KeyKinds.InCode("Project", key).WithLocation(1));
        }

        [Fact]
        public async Task KeysInManyLiteralsOfOneFile_ShouldReportEach()
        {
            string a = FakeKeys.Project(seed: 3);
            string b = FakeKeys.ServiceAccount(seed: 4);
            string c = FakeKeys.LegacyUser(seed: 5);
            await Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                    string A = "{|#0:{{a}}|}";
                    string B = "{|#1:{{b}}|}";
                    string N = "not a key";
                    string D = "{|#2:{{c}}|}";
                }
                """,
                KeyKinds.InCode("Project", a).WithLocation(0),
                KeyKinds.InCode("ServiceAccount", b).WithLocation(1),
                KeyKinds.InCode("LegacyUser", c).WithLocation(2));
        }
    }
}
