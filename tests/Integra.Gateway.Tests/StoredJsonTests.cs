using System.Text.Json;
using Integra.Gateway.Responses;
using Integra.Gateway.Storage;

namespace Integra.Gateway.Tests;

/// <summary>
/// The store writes a version's response and evidence with its own JSON writer (issue 18: faster than the
/// serializer); the text must stay the serializer's, byte for byte, so that old and new rows read back alike.
/// </summary>
public sealed class StoredJsonTests
{
    private static readonly string[] Awkward = ["", "plain", "quote \" and \\ backslash", "<b>&amp;</b> 'x' +1", "=SUM(A1)", "né, façade — “curly” €", "tab\tline\nbreak\r", "emoji 😀", "\u0001\u001f"];

    [Fact]
    public void A_response_is_written_as_the_serializer_writes_its_cells()
    {
        using var json = new StoredJson();
        var rows = Awkward.Select(cell => new ResponseRow { RespTyp = Responses.ResponseType.Reject, Message = cell, Customer = cell, Tn = "5035550100" }).ToList();

        Assert.Equal(JsonSerializer.Serialize(rows.Select(r => r.Cells())), json.Response(rows));
        Assert.Equal(JsonSerializer.Serialize(Array.Empty<string[]>()), json.Response([]));
    }

    [Fact]
    public void A_response_file_is_written_as_the_serializer_writes_its_cells_in_UTF8()
    {
        var rows = Awkward.Select(cell => new ResponseRow { RespTyp = Responses.ResponseType.Foc, Message = cell, Address = cell, Tn = "5035550100" }).ToList();

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(rows.Select(r => r.Cells())), StoredJson.ResponseUtf8(rows));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(Array.Empty<string[]>()), StoredJson.ResponseUtf8([]));
    }

    [Fact]
    public void A_large_response_file_counted_first_then_written_into_an_array_of_its_exact_length_is_the_serializer_s_text()
    {
        // The writer asks for room for a value's worst case (every character escaped): the last cells, long and full
        // of characters to escape, need more than the array has left, and go through its scratch buffer.
        var rows = Enumerable.Range(0, 3_000)
            .Select(i => new ResponseRow { RespTyp = Responses.ResponseType.Foc, Tn = $"50355{i:D5}", Message = Awkward[i % Awkward.Length] })
            .Append(new ResponseRow { RespTyp = Responses.ResponseType.Reject, Message = new string('"', 5_000), Address = "é" + new string('<', 3_000) })
            .ToList();

        var utf8 = StoredJson.ResponseUtf8(rows);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(rows.Select(r => r.Cells())), utf8);
    }

    [Fact]
    public void Evidence_is_written_as_the_serializer_writes_the_dictionary()
    {
        using var json = new StoredJson();
        var evidence = Awkward.Select((value, i) => ($"F{i}<{value}>", value)).ToDictionary(p => p.Item1, p => p.value);

        Assert.Equal(JsonSerializer.Serialize(evidence), json.Object(evidence));
        Assert.Equal(JsonSerializer.Serialize(new Dictionary<string, string>()), json.Object(new Dictionary<string, string>()));
    }
}
