using Integra.Gateway.Rules.Model;
using static Integra.Gateway.Rules.Tests.World;

namespace Integra.Gateway.Rules.Tests;

/// <summary>ERD (SPEC §4): local received date unless after the cutoff or not a business day.</summary>
public class EffectiveReceivedDateTests
{
    [Theory]
    // Cutoff second boundaries (simple 13:00:00, strictly after = late)
    [InlineData("S-OR", "2026-03-02T13:00:00-08:00", "2026-03-02")]
    [InlineData("S-OR", "2026-03-02T13:00:01-08:00", "2026-03-03")]
    [InlineData("S-OR", "2026-03-02T13:00:00.001-08:00", "2026-03-03")]
    [InlineData("S-OR", "2026-03-02T12:59:59-08:00", "2026-03-02")]
    // Friday after cutoff, weekend
    [InlineData("S-OR", "2026-03-06T14:00:00-08:00", "2026-03-09")]
    [InlineData("S-OR", "2026-03-07T09:00:00-08:00", "2026-03-09")]
    // The day before Thanksgiving
    [InlineData("S-OR", "2026-11-25T12:00:00-08:00", "2026-11-25")]
    [InlineData("S-OR", "2026-11-25T13:30:00-08:00", "2026-11-27")]
    // New Year observed on a Friday (2027-12-31), July 4 observed on a Monday (2027-07-05)
    [InlineData("S-OR", "2027-12-30T14:00:00-08:00", "2028-01-03")]
    [InlineData("S-OR", "2027-07-02T14:00:00-07:00", "2027-07-06")]
    // Spring forward (Sunday 2026-03-08): the same UTC time of day is on time before, late after
    [InlineData("S-OR", "2026-03-06T20:30:00Z", "2026-03-06")]
    [InlineData("S-OR", "2026-03-08T10:00:00Z", "2026-03-09")]
    [InlineData("S-OR", "2026-03-09T20:30:00Z", "2026-03-10")]
    // Fall back (Sunday 2026-11-01): late before, on time after
    [InlineData("S-OR", "2026-10-30T20:30:00Z", "2026-11-02")]
    [InlineData("S-OR", "2026-11-01T20:30:00Z", "2026-11-02")]
    [InlineData("S-OR", "2026-11-02T20:30:00Z", "2026-11-02")]
    // Arizona has no DST: 20:00Z in July is 13:00 in Phoenix (on time) but 14:00 in Denver (late)
    [InlineData("S-AZ", "2026-07-15T20:00:00Z", "2026-07-15")]
    [InlineData("S-MT", "2026-07-15T20:00:00Z", "2026-07-16")]
    [InlineData("S-AZ", "2026-01-15T20:00:00Z", "2026-01-15")]
    // Montana and Oregon at the same instant
    [InlineData("S-MT", "2026-03-10T19:30:00Z", "2026-03-11")]
    [InlineData("S-OR", "2026-03-10T19:30:00Z", "2026-03-10")]
    // The account's TIMEZONE overrides its state's (Idaho maps to Pacific here, the account is on Boise time)
    [InlineData("S-ID", "2026-03-10T19:30:00Z", "2026-03-11")]
    public void ERD_of_a_simple_port_uses_local_time_and_the_13h_cutoff(string an, string received, string expected)
    {
        var outcome = Decide(Lsr(SimpleAccounts.Of(an)), At(received));
        Assert.True(outcome.Simple);
        Assert.Equal(Date(expected), outcome.EffectiveReceivedDate);
    }

    [Theory]
    [InlineData("2026-03-02T15:00:00-06:00", "2026-03-02")]
    [InlineData("2026-03-02T15:00:01-06:00", "2026-03-03")]
    [InlineData("2026-03-02T14:00:00-06:00", "2026-03-02")]
    [InlineData("2026-03-06T15:30:00-06:00", "2026-03-09")]
    public void ERD_of_a_non_simple_port_uses_the_15h_cutoff(string received, string expected)
    {
        var outcome = Decide(Lsr(MultiLine(), "6125550101", "6125550102"), At(received));
        Assert.False(outcome.Simple);
        Assert.Equal(Date(expected), outcome.EffectiveReceivedDate);
    }
}
