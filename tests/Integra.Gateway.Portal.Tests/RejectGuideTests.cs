using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Portal.Tests;

/// <summary>The reject resolution guide covers every code of SPEC §5, once, with every column filled in.</summary>
public sealed class RejectGuideTests
{
    [Fact]
    public void Every_reject_code_has_exactly_one_complete_entry()
    {
        var codes = typeof(RejectCodes).GetFields().Select(f => (string)f.GetValue(null)!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(codes, RejectCodeGuide.Entries.Select(e => e.Code).Order(StringComparer.Ordinal).ToList());
        Assert.All(RejectCodeGuide.Entries, e =>
        {
            Assert.All(new[] { e.Meaning, e.Cause, e.Fix, e.Rule }, text => Assert.False(string.IsNullOrWhiteSpace(text)));
            Assert.Contains($",{e.Code},", e.Example, StringComparison.Ordinal);
            Assert.StartsWith(e.RespType.Split('/')[0] + ",", e.Example, StringComparison.Ordinal);
        });
    }
}
