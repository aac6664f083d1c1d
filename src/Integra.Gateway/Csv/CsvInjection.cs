namespace Integra.Gateway.Csv;

/// <summary>
/// Spreadsheets run cells that start with = + - @ as formulas; partners open our responses in them, and some
/// cells echo partner input. Such cells get a leading apostrophe (SPEC §5).
/// </summary>
public static class CsvInjection
{
    public static string Neutralise(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' ? "'" + cell : cell;
}
