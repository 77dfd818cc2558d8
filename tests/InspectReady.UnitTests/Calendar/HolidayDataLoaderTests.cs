using System.Text;
using InspectReady.Web.Domain.Calendar;

namespace InspectReady.UnitTests.Calendar;

public class HolidayDataLoaderTests
{
    private static (string, Stream) Source(string name, string json) => (name, new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void One_invalid_file_fails_the_whole_load_with_its_name_in_the_message()
    {
        var ex = Assert.Throws<InvalidDataException>(() => HolidayDataLoader.Load(
        [
            Source("2021.json", ShippedHolidayData.Json(2021)),
            Source("2022.json", """{"year": 2022}"""),
        ]));

        Assert.Contains("文件格式错误：2022.json 缺少字段 papers", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_for_the_same_year_fail_the_load_naming_both()
    {
        var ex = Assert.Throws<InvalidDataException>(() => HolidayDataLoader.Load(
        [
            Source("2021.json", ShippedHolidayData.Json(2021)),
            Source("2021-副本.json", ShippedHolidayData.Json(2021)),
        ]));

        Assert.Contains("2021-副本.json 与 2021.json 都是 2021 年的数据", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_loader_disposes_every_stream_it_reads()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(ShippedHolidayData.Json(2021)));

        var calendar = HolidayDataLoader.Load([("2021.json", stream)]);

        Assert.Equal([2021], calendar.Years);
        Assert.False(stream.CanRead);
    }
}
