using Integra.Gateway.Portal.Tracking;
using Integra.Gateway.Rules.Model;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;

namespace Integra.Gateway.Portal.Pages;

/// <summary>
/// An order list page (the partner's, the desk's): the filter from the query string, one page of orders, and the
/// link to the next page. The subclass says whose orders (<see cref="OrderScope"/>); the filter never widens it.
/// </summary>
public abstract class OrderListPage(IOrderViews orders) : PortalPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Pon { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tn { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Partner { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public OrderPage Orders { get; private set; } = new([], null);

    /// <summary>What was wrong with the filter, in words; null when it was fine.</summary>
    public string? Problem { get; private set; }

    /// <summary>The filter's problems by input (State, Tn, From, To), shown beside it.</summary>
    public IReadOnlyDictionary<string, string> FieldProblems => _fieldProblems;

    /// <summary>The filing dates the filter takes: the gateway's orders all fall between them, and NodaTime's instants do not overflow.</summary>
    public static readonly LocalDate Earliest = new(2000, 1, 1);

    /// <summary>See <see cref="Earliest"/>.</summary>
    public static readonly LocalDate Latest = new(2099, 12, 31);

    private readonly Dictionary<string, string> _fieldProblems = new(StringComparer.Ordinal);

    /// <summary>The page's own path, for the filter form and the next page's link.</summary>
    public abstract string ListPath { get; }

    /// <summary>The order page's path; the order's id is appended.</summary>
    public abstract string DetailPath { get; }

    /// <summary>Whether the filter offers (and the table shows) the partner: the desk's look-up across partners.</summary>
    public abstract bool AcrossPartners { get; }

    /// <summary>The query string of the next page: the same filter, after the last order of this one.</summary>
    public string NextQuery => QueryString.Create(new Dictionary<string, string?>
    {
        ["State"] = State, ["Pon"] = Pon, ["Tn"] = Tn, ["From"] = From, ["To"] = To, ["Partner"] = AcrossPartners ? Partner : null, ["After"] = Orders.Next,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();

    protected async Task<IActionResult> LoadAsync(OrderScope scope)
    {
        var problems = new ProblemList(_fieldProblems);
        OrderState? state = null;
        if (!string.IsNullOrEmpty(State))
        {
            state = Enum.TryParse<OrderState>(State, ignoreCase: false, out var s) && Enum.IsDefined(s) ? s : null;
            if (state is null)
            {
                problems.Add("State", $"'{State}' is not an order state.");
            }
        }

        if (!string.IsNullOrWhiteSpace(Tn) && !TelephoneNumber.TryNormalize(Tn, out _))
        {
            problems.Add("Tn", $"TN '{Tn}' is not a 10-digit telephone number.");
        }

        var from = Date(From, "From", problems);
        var to = Date(To, "To", problems);
        if (_fieldProblems.Count > 0)
        {
            Problem = string.Join(' ', _fieldProblems.Values);
            return Page();
        }

        Orders = await orders.ListAsync(scope, new OrderFilter(state, Pon, Tn, from, to, AcrossPartners ? Partner : null), After, PageSize, HttpContext.RequestAborted);
        return Page();
    }

    private static LocalDate? Date(string? text, string name, ProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        if (!parsed.Success)
        {
            problems.Add(name, $"{name} '{text}' is not a date (YYYY-MM-DD).");
            return null;
        }

        if (parsed.Value < Earliest || parsed.Value > Latest)
        {
            problems.Add(name, $"{name} {LocalDatePattern.Iso.Format(parsed.Value)} is outside the dates orders are filed on ({LocalDatePattern.Iso.Format(Earliest)} to {LocalDatePattern.Iso.Format(Latest)}).");
            return null;
        }

        return parsed.Value;
    }

    // The filter's problems keyed by input; the first one per input is kept.
    private sealed class ProblemList(Dictionary<string, string> byInput)
    {
        public void Add(string input, string problem) => byInput.TryAdd(input, problem);
    }
}
