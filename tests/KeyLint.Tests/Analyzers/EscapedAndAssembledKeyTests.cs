using System.Text;
using System.Threading.Tasks;
using Verify = KeyLint.Tests.KeyLintVerifier<KeyLint.Analyzers.HardcodedOpenAIKeyAnalyzer>;

namespace KeyLint.Tests.Analyzers
{
    /// <summary>
    /// Keys the source does not spell out in one piece: written with escapes, or assembled from
    /// constant pieces. The value is what counts; each is reported once.
    /// </summary>
    public class EscapedAndAssembledKeyTests
    {
        /// <summary>Writes every character of <paramref name="text"/> as a \uXXXX escape.</summary>
        private static string EscapeAll(string text)
        {
            var builder = new StringBuilder();
            foreach (char c in text)
            {
                builder.Append("\\u").Append(((int)c).ToString("x4"));
            }

            return builder.ToString();
        }

        [Fact]
        public async Task KeyWithEscapedFirstLetter_ShouldReportWholeLiteral()
        {
            string key = FakeKeys.Project();
            await Verify.VerifyAnalyzerAsync(
                $$"""class C { string K = {|#0:"\u0073{{key.Substring(1)}}"|}; }""",
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task KeyWrittenEntirelyWithUnicodeEscapes_ShouldReportWholeLiteral()
        {
            string key = FakeKeys.Admin();
            await Verify.VerifyAnalyzerAsync(
                $$"""class C { string K = {|#0:"{{EscapeAll(key)}}"|}; }""",
                KeyKinds.InCode("Admin", key).WithLocation(0));
        }

        [Fact]
        public async Task KeyWithHexEscapeInMarker_ShouldReportWholeLiteral()
        {
            string key = FakeKeys.LegacyUser();
            string spelled = key.Replace("T3Bl", "\\x54\\U00000033Bl");
            await Verify.VerifyAnalyzerAsync(
                $$"""class C { string K = {|#0:"{{spelled}}"|}; }""",
                KeyKinds.InCode("LegacyUser", key).WithLocation(0));
        }

        /// <summary>
        /// The text pass looks past escapes that cannot spell a marker character; every one that can
        /// must still lead to the key, whichever marker character it spells and however it is written.
        /// </summary>
        [Theory]
        [InlineData(0, "\\u{0:X4}")]
        [InlineData(1, "\\x{0:x4}")] // not \x33: followed by "B" it would read as \x33B, one escape
        [InlineData(2, "\\U{0:X8}")]
        [InlineData(3, "\\u{0:x4}")]
        [InlineData(4, "\\x{0:X2}")]
        [InlineData(5, "\\x{0:x4}")]
        [InlineData(6, "\\U{0:x8}")]
        [InlineData(7, "\\u{0:X4}")]
        public async Task KeyWithOneMarkerCharacterEscaped_ShouldReportWholeLiteral(int markerIndex, string escapeFormat)
        {
            string key = FakeKeys.Project();
            int at = key.IndexOf(FakeKeys.Marker, System.StringComparison.Ordinal) + markerIndex;
            string escape = string.Format(System.Globalization.CultureInfo.InvariantCulture, escapeFormat, (int)key[at]);
            string spelled = key.Substring(0, at) + escape + key.Substring(at + 1);
            await Verify.VerifyAnalyzerAsync(
                $$"""class C { string K = {|#0:"{{spelled}}"|}; }""",
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task EscapedKeyInInterpolatedString_ShouldReportWholeInterpolatedString()
        {
            string key = FakeKeys.ServiceAccount();
            await Verify.VerifyAnalyzerAsync(
                $$"""class C { string M(int n) => {|#0:$"{n}: \u0073{{key.Substring(1)}}"|}; }""",
                KeyKinds.InCode("ServiceAccount", key).WithLocation(0));
        }

        [Fact]
        public async Task KeyAfterEscapedNewline_ShouldReportExactSpan()
        {
            string key = FakeKeys.Project();
            await Verify.VerifyAnalyzerAsync(
                $$"""class C { string K = "first\n{|#0:{{key}}|}\tlast"; }""",
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task EscapeThatSpellsNoKey_ShouldNotReport()
        {
            await Verify.VerifyAnalyzerAsync("""class C { string K = "caf\u00e9 \x41 \U0001F600"; string V = @"C:\users\x"; }""");
        }

        [Fact]
        public async Task LiteralConcatenation_ShouldReportWholeExpressionOnce()
        {
            string key = FakeKeys.Project();
            string head = key.Substring(0, 8);
            string tail = key.Substring(8);
            await Verify.VerifyAnalyzerAsync(
                $$"""class C { string K = {|#0:"{{head}}" + "{{tail}}"|}; }""",
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task ConcatenationOfThreePiecesInsideLongerExpression_ShouldReportSmallestExpression()
        {
            string key = FakeKeys.ServiceAccount();
            string a = key.Substring(0, 11);
            string b = key.Substring(11, 30);
            string c = key.Substring(41);
            await Verify.VerifyAnalyzerAsync(
                $$"""class C { string M(string user) => user + ": " + ({|#0:"{{a}}" + "{{b}}" + "{{c}}"|}); }""",
                KeyKinds.InCode("ServiceAccount", key).WithLocation(0));
        }

        [Fact]
        public async Task ConstFieldsCombined_ShouldReportTheCombiningExpression()
        {
            string key = FakeKeys.Project(seed: 7);
            int split = key.IndexOf(FakeKeys.Marker, System.StringComparison.Ordinal) - 5;
            await Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                    private const string Prefix = "{{key.Substring(0, split)}}";
                    private const string Rest = "{{key.Substring(split)}}";
                    private const string Key = {|#0:Prefix + Rest|};
                    string Header => "Bearer " + Key;
                }
                """,
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task ConstFromOtherTypeCombinedWithLiteral_ShouldReportTheCombiningExpression()
        {
            string key = FakeKeys.Admin(seed: 8);
            await Verify.VerifyAnalyzerAsync(
                $$"""
                static class Parts { public const string Secret = "{{key.Substring(9)}}"; }
                class C
                {
                    string K = {|#0:"sk-admin-" + Parts.Secret|};
                }
                """,
                KeyKinds.InCode("Admin", key).WithLocation(0));
        }

        [Fact]
        public async Task ConstLocalsCombined_ShouldReportTheCombiningExpression()
        {
            string key = FakeKeys.LegacyUser(seed: 9);
            await Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                    string M()
                    {
                        const string start = "sk-";
                        const string rest = "{{key.Substring(3)}}";
                        return {|#0:start + rest|};
                    }
                }
                """,
                KeyKinds.InCode("LegacyUser", key).WithLocation(0));
        }

        [Fact]
        public async Task ConstantInterpolatedString_ShouldReportInterpolatedString()
        {
            string key = FakeKeys.Project(seed: 10);
            await Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                    const string Prefix = "sk-proj-";
                    const string Key = {|#0:$"{Prefix}{{key.Substring(8)}}"|};
                }
                """,
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task PieceConcatenatedWithNonConstant_ShouldNotReport()
        {
            string key = FakeKeys.Project(seed: 11);
            await Verify.VerifyAnalyzerAsync(
                $$"""class C { string M(string prefix) => prefix + "{{key.Substring(8)}}"; }""");
        }

        [Fact]
        public async Task PiecesThatDoNotFormAKey_ShouldNotReport()
        {
            string key = FakeKeys.Project(seed: 12);
            await Verify.VerifyAnalyzerAsync(
                $$"""class C { string K = "prefix-" + "{{key.Substring(8)}}"; }""");
        }

        [Fact]
        public async Task WholeKeyLiteralUsedInConcatenation_ShouldReportOnlyTheLiteral()
        {
            string key = FakeKeys.Project(seed: 13);
            await Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                    const string Key = "{|#0:{{key}}|}";
                    const string Header = "Bearer " + Key;
                    string M() => Header + Key;
                }
                """,
                KeyKinds.InCode("Project", key).WithLocation(0));
        }
    }
}
