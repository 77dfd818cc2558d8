using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace InspectReady.Web.Infrastructure.Documents;

/// <summary>
/// A .docx in the official document style (GB/T 9704-2012): A4, margins top 37 mm, bottom 35 mm, left 28 mm,
/// right 26 mm; 三号 (16 pt) 仿宋 body, 二号 (22 pt) 小标宋 title, headings in 黑体; page numbers in the footer
/// as "— n —"; the classification mark in the header.
/// </summary>
public sealed class OfficialDocument : IDisposable
{
    private readonly WordprocessingDocument document;
    private readonly Body body;
    private readonly CjkFonts fonts;

    private OfficialDocument(Stream output, CjkFonts fonts, string mark)
    {
        this.fonts = fonts;
        document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new Document(body = new Body());
        AddStyles(main);
        var settings = main.AddNewPart<DocumentSettingsPart>();
        // Word refreshes the table of contents (page numbers) when the file is opened.
        settings.Settings = new Settings(new UpdateFieldsOnOpen { Val = true });

        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Right }),
            TextRun(mark, fonts.Heading, 21, bold: true)));
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            TextRun("— ", fonts.Body, 28),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            TextRun("1", fonts.Body, 28),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            TextRun(" —", fonts.Body, 28)));
        SectionProperties = new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin
            {
                Top = Mm(37), Bottom = Mm(35), Left = (uint)Mm(28), Right = (uint)Mm(26), Header = (uint)Mm(15), Footer = (uint)Mm(20), Gutter = 0,
            });
    }

    private SectionProperties SectionProperties { get; }

    /// <summary>Millimetres to twips (1/1440 inch).</summary>
    private static int Mm(double mm) => (int)Math.Round(mm * 1440 / 25.4);

    public static OfficialDocument Create(Stream output, CjkFonts fonts, string mark) => new(output, fonts, mark);

    public void Title(string text) =>
        body.Append(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }, new SpacingBetweenLines { After = "400" }),
            TextRun(text, fonts.Title, 44)));

    public void Heading(int level, string text) =>
        body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }), TextRun(text, fonts.Heading, level == 1 ? 32 : 32, bold: level > 1)));

    /// <summary>A heading the table of contents points to (bookmark <c>_Toc{n}</c>, n from 1 in the order of <see cref="TableOfContents"/>).</summary>
    public void Heading(int level, string text, int tocEntry)
    {
        var name = TocBookmark(tocEntry);
        var id = tocEntry.ToString(System.Globalization.CultureInfo.InvariantCulture);
        body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }),
            new BookmarkStart { Name = name, Id = id }, TextRun(text, fonts.Heading, 32, bold: level > 1), new BookmarkEnd { Id = id }));
    }

    private static string TocBookmark(int entry) => $"_Toc{entry:000000}";

    /// <summary>A body paragraph: first line indented two characters, 28 pt line spacing as official documents use.</summary>
    public void Paragraph(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            body.Append(new Paragraph(
                new ParagraphProperties(new Indentation { FirstLineChars = 200 }, new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact }),
                TextRun(line, fonts.Body, 32)));
        }
    }

    public void Note(string text) =>
        body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Line = "400", LineRule = LineSpacingRuleValues.Auto }), TextRun(text, fonts.Body, 24)));

    /// <summary>
    /// 目录 with page numbers: one line per entry, its page a PAGEREF field to the heading's bookmark (see
    /// <see cref="Heading(int, string, int)"/>), behind a dotted leader. LibreOffice computes reference fields when it lays
    /// the document out, so the PDF it converts has the right numbers; Word updates them on open (ADR 0026).
    /// </summary>
    public void TableOfContents(IEnumerable<(int Level, string Text)> entries)
    {
        body.Append(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), TextRun("目  录", fonts.Heading, 32, bold: true)));
        var n = 0;
        foreach (var (level, text) in entries)
        {
            n++;
            var properties = new ParagraphProperties(
                new ParagraphStyleId { Val = $"TOC{level}" },
                new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = TextWidth }),
                new Indentation { Left = ((level - 1) * 420).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            body.Append(new Paragraph(properties,
                TextRun(text, fonts.Body, 28),
                new Run(new TabChar()),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }),
                new Run(new FieldCode($" PAGEREF {TocBookmark(n)} \\h ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                TextRun("0", fonts.Body, 28),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        }
        PageBreak();
    }

    /// <summary>The width between the margins (A4, 28 mm and 26 mm), where the page numbers of the contents align.</summary>
    private static int TextWidth => 11906 - Mm(28) - Mm(26);

    public void PageBreak() => body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    public void Dispose()
    {
        body.Append(SectionProperties);
        document.Dispose();
    }

    private static Run TextRun(string text, string font, int halfPoints, bool bold = false)
    {
        var properties = new RunProperties(
            new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font },
            new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            properties.Append(new Bold());
        }
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        var all = new Styles();
        for (var level = 1; level <= 3; level++)
        {
            all.Append(new Style(
                new StyleName { Val = $"heading {level}" },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level - 1 }))
            { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" });
            all.Append(new Style(new StyleName { Val = $"toc {level}" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = $"TOC{level}" });
        }
        all.Append(new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Styles = all;
    }
}
