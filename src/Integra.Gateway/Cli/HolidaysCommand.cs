using System.CommandLine;
using System.Globalization;
using CsvHelper;
using Integra.Gateway.Rules.Calendar;
using NodaTime.Text;

namespace Integra.Gateway.Cli;

/// <summary><c>holidays</c>: prints the observed US federal holidays as holidays.csv, so nobody types the dates.</summary>
internal static class HolidaysCommand
{
    public static Command Create()
    {
        var from = new Option<int>("--from") { Description = "First year", Required = true };
        var to = new Option<int>("--to") { Description = "Last year", Required = true };
        var command = new Command("holidays", "Print US federal holidays (observed dates) in holidays.csv format") { from, to };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            CommandSettings.Load(parse);
            var first = parse.GetValue(from);
            var last = parse.GetValue(to);
            if (first < 1900 || last > 2200 || last < first)
            {
                throw new UsageException("--from and --to must be years with --from <= --to");
            }

            using var csv = new CsvWriter(Console.Out, CultureInfo.InvariantCulture, leaveOpen: true);
            csv.WriteField("DATE");
            csv.WriteField("NAME");
            csv.NextRecord();
            for (var year = first; year <= last; year++)
            {
                foreach (var (date, name) in UsFederalHolidays.For(year))
                {
                    csv.WriteField(LocalDatePattern.Iso.Format(date));
                    csv.WriteField(name);
                    csv.NextRecord();
                }
            }

            return ExitCodes.Done;
        }));
        return command;
    }
}
