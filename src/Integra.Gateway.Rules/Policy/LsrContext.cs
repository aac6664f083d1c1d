using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;
using NodaTime;

namespace Integra.Gateway.Rules.Policy;

/// <summary>What every LSR rule family needs: the request, where it came from, and what was looked up for it.</summary>
internal sealed class LsrContext
{
    public LsrContext(LsrRequest request, Receipt receipt, ReferenceData data, PolicyOptions options, IReadOnlySet<string>? activatedTns = null)
    {
        Request = request;
        Receipt = receipt;
        Data = data;
        Options = options;
        Account = data.Account(request.An);
        State = Account?.State ?? request.Fields[Field.State].ToUpperInvariant();
        Zone = LocalZone.Of(data, Account, State, options);
        ReceivedLocal = receipt.Received.InZone(Zone).LocalDateTime;
        Simple = SimplePort.IsSimple(request, Account, data);
        PortTns = request.Tns.Where(t => t.Tn is not null).Select(t => t.Tn!).Distinct().ToList();
        ActivatedTns = activatedTns ?? new HashSet<string>();
        var ported = new HashSet<string>(PortTns, StringComparer.Ordinal);
        ported.UnionWith(ActivatedTns);
        Ported = ported;
        Remarks = RemarksClauses.Read(request.Fields[Field.Remarks]);
    }

    public LsrRequest Request { get; }

    public FieldValues Fields => Request.Fields;

    public Receipt Receipt { get; }

    public ReferenceData Data { get; }

    public PolicyOptions Options { get; }

    /// <summary>The account named by AN; null when Integra has no such account.</summary>
    public Account? Account { get; }

    /// <summary>Service state: the account's, else the request's STATE (SPEC §2.1: the account's wins).</summary>
    public string State { get; }

    /// <summary>Local zone of the order (SPEC §4), see <see cref="LocalZone"/>.</summary>
    public DateTimeZone Zone { get; }

    public LocalDateTime ReceivedLocal { get; }

    public bool Simple { get; }

    /// <summary>The valid, distinct TNs the request asks to port.</summary>
    public IReadOnlyList<string> PortTns { get; }

    /// <summary>
    /// TNs of this order that NPAC already shows ported to the new provider (a supplement's history): they stay
    /// ported whatever the supplement says, and their inventory checks are done (S6).
    /// </summary>
    public IReadOnlySet<string> ActivatedTns { get; }

    /// <summary>The request's TNs and the order's activated TNs: every TN that leaves Integra with this order.</summary>
    public IReadOnlySet<string> Ported { get; }

    /// <summary>The clauses of REMARKS (L8, L9, L9a).</summary>
    public RemarksClauses Remarks { get; }

    public List<RuleError> Errors { get; } = [];

    public void Add(string ruleId, string code, Field field, string message, string? tn = null) =>
        Errors.Add(new RuleError(ruleId, code, field.Name(), message, tn));
}
