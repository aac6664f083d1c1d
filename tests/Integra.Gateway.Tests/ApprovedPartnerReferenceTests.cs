using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Reference;
using NodaTime;
using NodaTime.Testing;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 16, onboarding: a partner approved in the portal is known to the channels at the next reference check,
/// without a restart, and partners.csv keeps the last word for an id it lists.
/// </summary>
public sealed class ApprovedPartnerReferenceTests
{
    private readonly List<Partner> _approved = [];
    private readonly ReferenceDataSource _source;

    public ApprovedPartnerReferenceTests() =>
        _source = new ReferenceDataSource(Repo.SampleData, new FakeClock(Instant.FromUtc(2026, 3, 2, 15, 0)), () => [.. _approved]);

    private static Partner Newco(string id = "NEWCO", string name = "New Carrier") =>
        new(id, "NEWC", name, PartnerType.Clec, ["lsr@newco.example"], null, null);

    [Fact]
    public void An_approved_partner_is_known_at_the_next_check()
    {
        Assert.Null(_source.Current.Partner("NEWCO"));

        _approved.Add(Newco());

        Assert.True(_source.Refresh());
        var partner = Assert.IsType<Partner>(_source.Current.Partner("newco"));
        Assert.Equal(["lsr@newco.example"], partner.Emails);
        Assert.NotNull(_source.Current.Partner("ACME"));
        Assert.NotNull(_source.Current.Tn("6125550101"));
    }

    [Fact]
    public void The_same_approved_partners_are_no_new_snapshot()
    {
        _approved.Add(Newco());
        Assert.True(_source.Refresh());
        var loaded = _source.Current;

        Assert.False(_source.Refresh());
        Assert.Same(loaded, _source.Current);
    }

    [Fact]
    public void Partners_csv_wins_over_an_approved_partner_of_the_same_id()
    {
        var listed = _source.Current.Partner("ACME")!;
        _approved.Add(Newco("ACME", "Impostor"));

        _source.Refresh();

        Assert.Equal(listed.Name, _source.Current.Partner("ACME")!.Name);
    }
}
