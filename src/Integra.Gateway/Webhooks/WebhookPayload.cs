using System.Buffers;
using System.Text;
using System.Text.Json;
using Integra.Gateway.Responses;
using NodaTime;
using NodaTime.Text;

namespace Integra.Gateway.Webhooks;

/// <summary>The order an event is about, as the payload names it.</summary>
public sealed record WebhookOrder(string Kind, string Ccna, string Pon, string Ver, string LsrNo, string? State = null);

/// <summary>An evidence request as the payload carries it.</summary>
public sealed record WebhookEvidence(long RequestId, string Reason, IReadOnlyList<string> Tns, string DueDate);

/// <summary>
/// The JSON body of a webhook event (SPEC §8, README "Webhooks"): <c>{id, type, occurredAt, partner, order, rows}</c>,
/// and <c>evidence</c> for an evidence request. Rows are the answer rows of SPEC §5 with the response columns in
/// lower case. Written once, when the event is recorded: every attempt and redelivery sends the same bytes.
/// </summary>
public static class WebhookPayload
{
    public static string Write(string id, WebhookEventType type, Instant occurredAt, string partner, WebhookOrder? order, IReadOnlyList<string[]> rows, WebhookEvidence? evidence = null)
    {
        var buffer = new ArrayBufferWriter<byte>(512 + (rows.Count * 256));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("type", type.Text());
            json.WriteString("occurredAt", InstantPattern.ExtendedIso.Format(occurredAt));
            json.WriteString("partner", partner);
            if (order is null)
            {
                json.WriteNull("order");
            }
            else
            {
                json.WriteStartObject("order");
                json.WriteString("kind", order.Kind);
                json.WriteString("ccna", order.Ccna);
                json.WriteString("pon", order.Pon);
                json.WriteString("ver", order.Ver);
                json.WriteString("lsrno", order.LsrNo);
                if (order.State is { } state)
                {
                    json.WriteString("state", state.ToUpperInvariant());
                }

                json.WriteEndObject();
            }

            json.WriteStartArray("rows");
            foreach (var row in rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < ResponseRow.Columns.Count && i < row.Length; i++)
                {
                    json.WriteString(ResponseRow.Columns[i].ToLowerInvariant(), row[i]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (evidence is not null)
            {
                json.WriteStartObject("evidence");
                json.WriteNumber("requestId", evidence.RequestId);
                json.WriteString("reason", evidence.Reason);
                json.WriteStartArray("tns");
                foreach (var tn in evidence.Tns)
                {
                    json.WriteStringValue(tn);
                }

                json.WriteEndArray();
                json.WriteString("dueDate", evidence.DueDate);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
