using System.Globalization;

namespace Portal.Infrastructure.Export;

/// <summary>
/// Writes RFC 4180 CSV that is safe to open in a spreadsheet: every text field is quoted (quotes doubled, so commas,
/// quotes and line breaks stay inside their cell), and a text that starts with = + - @ tab or CR gets a leading
/// single quote, so that a spreadsheet shows it as text instead of running it as a formula (CSV injection).
/// Numbers are written as numbers. Rows end with CRLF.
/// </summary>
public sealed class CsvWriter(TextWriter output)
{
    private bool atRowStart = true;

    public CsvWriter Text(string? value)
    {
        Separate();
        output.Write(Quote(value));
        return this;
    }

    public CsvWriter Number(long value)
    {
        Separate();
        output.Write(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>A number that reads back to the same double (shortest round-trip form); null leaves the cell empty.</summary>
    public CsvWriter Number(double? value)
    {
        Separate();
        if (value is { } number) output.Write(number.ToString("R", CultureInfo.InvariantCulture));
        return this;
    }

    public CsvWriter Time(DateTimeOffset value) => Text(value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));

    public CsvWriter Row(params string?[] values)
    {
        foreach (var value in values) Text(value);
        return EndRow();
    }

    public CsvWriter EndRow()
    {
        output.Write("\r\n");
        atRowStart = true;
        return this;
    }

    /// <summary>The quoted, formula-safe form of one text field.</summary>
    public static string Quote(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
        return "\"" + text.Replace("\"", "\"\"") + "\"";
    }

    private void Separate()
    {
        if (!atRowStart) output.Write(',');
        atRowStart = false;
    }
}
