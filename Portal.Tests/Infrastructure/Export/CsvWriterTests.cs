using Portal.Infrastructure.Export;

namespace Portal.Tests.Infrastructure.Export;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1+2", "\"'+1+2\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("\r=1", "\"'\r=1\"")]
    public void A_text_a_spreadsheet_would_run_as_a_formula_is_written_as_text(string value, string expected)
    {
        Assert.Equal(expected, CsvWriter.Quote(value));
    }

    [Fact]
    public void Commas_quotes_and_line_breaks_stay_inside_their_cell_and_numbers_stay_numbers()
    {
        var output = new StringWriter();

        new CsvWriter(output).Text("a, \"b\"\nc").Number(-5).Text(null).Text("x=1").EndRow().Row("next", "row");

        Assert.Equal("\"a, \"\"b\"\"\nc\",-5,\"\",\"x=1\"\r\n\"next\",\"row\"\r\n", output.ToString());
    }
}
