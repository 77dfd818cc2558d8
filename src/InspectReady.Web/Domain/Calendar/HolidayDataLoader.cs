using System.Text;

namespace InspectReady.Web.Domain.Calendar;

/// <summary>Builds a <see cref="WorkingDayCalendar"/> from holiday-cn JSON files, e.g. the embedded HolidayData/*.json.</summary>
public static class HolidayDataLoader
{
    /// <summary>
    /// Reads each stream as one UTF-8 file and disposes it, so a lazily opening sequence
    /// (such as one over manifest resources) needs no cleanup by the caller.
    /// Any invalid file fails the whole load: skipping it would silently turn that year's
    /// holidays into working days.
    /// </summary>
    /// <exception cref="InvalidDataException">A file is invalid, or two files hold the same year; the message lists every problem in Chinese.</exception>
    public static WorkingDayCalendar Load(IEnumerable<(string FileName, Stream Content)> files)
    {
        var years = new List<HolidayYear>();
        var fileOfYear = new Dictionary<int, string>();
        var errors = new List<string>();
        foreach (var (fileName, content) in files)
        {
            string json;
            using (content)
            using (var reader = new StreamReader(content, Encoding.UTF8))
            {
                json = reader.ReadToEnd();
            }

            var result = HolidayYearParser.Parse(json, fileName);
            if (!result.Succeeded)
            {
                errors.AddRange(result.Errors);
            }
            else if (!fileOfYear.TryAdd(result.Year.Year, fileName))
            {
                errors.Add($"年份重复：{fileName} 与 {fileOfYear[result.Year.Year]} 都是 {result.Year.Year} 年的数据，只能保留一份");
            }
            else
            {
                years.Add(result.Year);
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, errors));
        }
        return new WorkingDayCalendar(years);
    }
}
