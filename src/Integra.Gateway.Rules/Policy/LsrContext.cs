using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;
using NodaTime;

namespace Integra.Gateway.Rules.Policy;

/// <summary>What every LSR rule family needs: the request, where it came from, and what was looked up for it.</summary>
internal sealed class LsrContext
{
    public LsrContext(LsrRequest request, Receipt receipt, ReferenceData data, PolicyOptions options)
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

    public List<RuleError> Errors { get; } = [];

    public void Add(string ruleId, string code, Field field, string message, string? tn = null) =>
        Errors.Add(new RuleError(ruleId, code, field.Name(), message, tn));
}
