using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using static Integra.Gateway.Rules.Tests.World;

namespace Integra.Gateway.Rules.Tests;

public class SmallPartsTests
{
    [Theory]
    [InlineData("S-OR", "CB", true)]
    [InlineData("S-OR", "AB", false)] // loop with number portability involves a UNE loop
    [InlineData("M-MN", "CB", false)] // more than one line
    [InlineData("C-AZ", "CB", false)] // Centrex
    [InlineData("U-OR", "CB", false)] // UNE
    [InlineData("R-OR", "CB", false)] // reseller
    [InlineData("T-OR", "CB", true)] // one working TN, one disconnected
    public void Simple_port_follows_the_fcc_definition(string an, string reqtyp, bool simple) =>
        Assert.Equal(simple, SimplePort.IsSimple(Lsr(With((Field.An, an), (Field.Reqtyp, reqtyp))), Data.Account(an), Data));

    [Theory]
    [InlineData("503-555-0101", "5035550101")]
    [InlineData("(503) 555.0101", "5035550101")]
    [InlineData(" 5035550101", "5035550101")]
    [InlineData("1035550101", null)] // NPA starts with 1
    [InlineData("5031550101", null)] // NXX starts with 1
    [InlineData("15035550101", null)]
    [InlineData("503555010", null)]
    [InlineData("503-555-01O1", null)]
    public void Telephone_numbers_are_normalized_to_ten_nanp_digits(string raw, string? expected)
    {
        var ok = TelephoneNumber.TryNormalize(raw, out var tn);
        Assert.Equal(expected is not null, ok);
        if (expected is not null)
        {
            Assert.Equal(expected, tn);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, LoaContent.Pdf)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, LoaContent.Png)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, LoaContent.Jpeg)]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A, 0x00 }, LoaContent.Tiff)]
    [InlineData(new byte[] { 0x4D, 0x4D, 0x00, 0x2A }, LoaContent.Tiff)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, LoaContent.Unrecognized)] // a zip renamed .pdf
    [InlineData(new byte[] { }, LoaContent.Empty)]
    public void Loa_documents_are_recognised_by_content(byte[] head, LoaContent expected) =>
        Assert.Equal(expected, LoaSniffer.Detect(head, head.Length));

    [Fact]
    public void Disconnect_list_takes_every_tn_after_the_disc_word() =>
        Assert.Equal(
            ["6125550103", "6125550104"],
            Assert.IsType<Foc>(Decide(Lsr(MultiLine((Field.Remarks, "port 6125550101 only; disc: 612.555.0103, 612 555 0104")), "6125550101", "6125550102"), At("2026-03-02T10:00:00-08:00")).Decision)
                .Lines.Where(l => l.Lna == Lna.Disconnect).Select(l => l.Tn));
}
