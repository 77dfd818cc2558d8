using InspectReady.Web.Domain.Common;
using InspectReady.Web.Features.Shared.Import;
using MiniExcelLibs;

namespace InspectReady.UnitTests.Common;

/// <summary>The shared Excel import pipeline: header check, synonyms, cell types, row numbers, the template.</summary>
public sealed class ImportPipelineTests
{
    private static readonly ImportSheet Spec = new("名单",
    [
        new("姓名", Required: true) { Synonyms = ["名字"], MaxLength = 4, Example = "张示例" },
        new("人数", ImportType.WholeNumber) { Example = "3" },
        new("金额", ImportType.Number),
        new("日期", ImportType.Date, Required: true) { Example = "2021-10-08" },
        ImportColumn.Choice("安排", [new ImportChoice("off", "放假"), new ImportChoice("work", "调休上班")]),
    ]);

    /// <summary>A workbook whose first sheet holds exactly these rows (the first is the header row).</summary>
    private static MemoryStream Book(params object?[][] rows)
    {
        var stream = new MemoryStream();
        var sheet = rows.Select(r => r.Select((v, i) => (Key: ImportValues.Letter(i), Value: v)).ToDictionary(x => x.Key, x => x.Value)).ToList();
        MiniExcel.SaveAs(stream, new Dictionary<string, object> { ["名单"] = sheet }, printHeader: false);
        stream.Position = 0;
        return stream;
    }

    private static (List<ImportRow> Rows, ImportFile File, ImportSheetReader Sheet) Read(MemoryStream stream)
    {
        var opened = ImportFile.Open(stream, "名单.xlsx");
        Assert.True(opened.IsOk, opened.Message);
        var sheet = opened.Value!.Sheet(Spec);
        return ([.. sheet], opened.Value!, sheet);
    }

    [Fact]
    public void A_synonym_or_a_starred_or_spaced_header_finds_its_column()
    {
        var (rows, file, _) = Read(Book(["名 字*", "日期"], ["李四", "2021-10-08"]));
        Assert.False(file.HasErrors, string.Join("；", file.Errors));
        Assert.Equal("李四", Assert.Single(rows).Text("姓名"));
    }

    [Fact]
    public void Missing_unknown_and_duplicate_columns_are_named_on_row_1_and_no_row_is_read()
    {
        var (rows, file, sheet) = Read(Book(["姓名", "备注", "名字"], ["李四", "x", "y"]));
        Assert.Empty(rows);
        Assert.False(sheet.HeaderOk);
        Assert.Contains(file.Errors, e => e.Row == 1 && e.Field == "日期" && e.Message.Contains("缺少列“日期”", StringComparison.Ordinal));
        Assert.Contains(file.Errors, e => e.Row == 1 && e.Column == "B" && e.Field == "备注" && e.Message.Contains("未知列“备注”", StringComparison.Ordinal));
        Assert.Contains(file.Errors, e => e.Row == 1 && e.Column == "C" && e.Field == "姓名" && e.Message.Contains("重复：A列与C列", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2021-10-08")]
    [InlineData("2021/10/8")]
    [InlineData("2021.10.8")]
    [InlineData("2021年10月8日")]
    [InlineData("20211008")]
    public void Dates_in_the_common_Chinese_forms_are_read(string text)
    {
        Assert.Equal(new DateOnly(2021, 10, 8), ImportValues.Date(text));
    }

    [Fact]
    public void A_date_cell_and_an_Excel_serial_are_dates()
    {
        Assert.Equal(new DateOnly(2021, 10, 8), ImportValues.Date(new DateTime(2021, 10, 8, 0, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal(new DateOnly(2021, 10, 8), ImportValues.Date(44477d));
        Assert.Null(ImportValues.Date("2021-02-30"));
        Assert.Null(ImportValues.Date("去年"));
    }

    [Fact]
    public void Each_bad_cell_is_reported_with_its_row_letter_header_and_a_Chinese_message()
    {
        var (rows, file, _) = Read(Book(
            ["姓名", "人数", "金额", "日期", "安排"],
            ["李四", "3", "1.5", "2021-10-08", "放假"],
            ["王五五五五", "三", "多", "2021-13-01", "请假"],
            ["", "", "", "", ""],
            ["", "4", "2", "", "work"]));
        Assert.Equal([2, 3, 5], rows.Select(r => r.Number));
        Assert.True(rows[0].ParsedCleanly);
        Assert.Equal(3L, rows[0].WholeNumber("人数"));
        Assert.Equal(1.5m, rows[0].DecimalNumber("金额"));
        Assert.Equal(new DateOnly(2021, 10, 8), rows[0].Date("日期"));
        Assert.Equal("off", rows[0].Code("安排"));
        Assert.Equal("work", rows[2].Code("安排"));
        Assert.False(rows[1].ParsedCleanly);

        var errors = file.SortedErrors();
        Assert.Contains(errors, e => e is { Row: 3, Column: "A", Field: "姓名" } && e.Message.Contains("超过4字", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 3, Column: "B", Field: "人数" } && e.Message.Contains("不是整数", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 3, Column: "C", Field: "金额" } && e.Message.Contains("不是数字", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 3, Column: "D", Field: "日期" } && e.Message.Contains("不是有效日期", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 3, Column: "E", Field: "安排" } && e.Message.Contains("只能是：放假、调休上班", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 5, Column: "A", Field: "姓名", Message: "“姓名”不能为空" });
        Assert.Contains(errors, e => e is { Row: 5, Column: "D", Field: "日期", Message: "“日期”不能为空" });
        Assert.DoesNotContain(errors, e => e.Row is 2 or 4);
        Assert.Equal("第3行B列“人数”：“人数”的值“三”不是整数", errors.First(e => e is { Row: 3, Field: "人数" }).ToString());
    }

    [Fact]
    public void A_domain_error_named_by_header_gets_its_letter_and_a_cell_is_reported_once()
    {
        var (rows, file, sheet) = Read(Book(["姓名", "日期"], ["李四", "明天"]));
        sheet.AddRange([new FieldError(rows[0].Number, "日期", "日期不对"), new FieldError(rows[0].Number, "姓名", "重名")]);
        Assert.DoesNotContain(file.Errors, e => e.Message == "日期不对");
        Assert.Contains(file.Errors, e => e is { Row: 2, Column: "A", Field: "姓名", Message: "重名" });
    }

    [Fact]
    public void A_file_that_is_not_xlsx_is_refused_before_reading()
    {
        var outcome = ImportFile.Open(new MemoryStream("a,b"u8.ToArray()), "名单.csv");
        Assert.False(outcome.IsOk);
        Assert.Contains("不是 .xlsx", outcome.Message, StringComparison.Ordinal);
        var fake = ImportFile.Open(new MemoryStream("not a zip"u8.ToArray()), "名单.xlsx");
        Assert.Contains("不是 .xlsx", fake.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_template_has_the_headers_the_example_row_and_the_help_sheet_and_reads_back_empty()
    {
        using var stream = new MemoryStream();
        await ImportTemplate.WriteAsync(stream, Spec);
        stream.Position = 0;
        Assert.Equal(["名单", ImportTemplate.HelpSheet], MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        Assert.Equal(["姓名", "人数", "金额", "日期", "安排"], MiniExcel.GetColumns(stream, useHeaderRow: true, sheetName: "名单"));
        stream.Position = 0;
        var example = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "名单").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal("张示例", example["姓名"]);
        stream.Position = 0;
        var help = MiniExcel.Query(stream, useHeaderRow: true, sheetName: ImportTemplate.HelpSheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(help, h => (string?)h["列"] == "姓名" && (string?)h["是否必填"] == "必填" && (string?)h["也可用的列名"] == "名字");
        Assert.Contains(help, h => (string?)h["列"] == "安排" && ((string?)h["填写要求"])!.Contains("放假、调休上班", StringComparison.Ordinal));

        // The example row left in the file is not imported.
        stream.Position = 0;
        var (rows, file, _) = Read(new MemoryStream(stream.ToArray()));
        Assert.Empty(rows);
        Assert.False(file.HasErrors, string.Join("；", file.Errors));
    }

    [Fact]
    public void Column_letters_go_past_Z()
    {
        Assert.Equal(["A", "Z", "AA", "AZ", "BA"], new[] { 0, 25, 26, 51, 52 }.Select(ImportValues.Letter));
    }
}
