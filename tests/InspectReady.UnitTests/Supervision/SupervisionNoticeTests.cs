using InspectReady.Web.Domain.Supervision;

namespace InspectReady.UnitTests.Supervision;

public sealed class SupervisionNoticeTests
{
    private static readonly DateTime Now = new(2026, 5, 10, 2, 0, 0, DateTimeKind.Utc);

    private static SupervisionNotice Notice() => new()
    {
        Title = "材料报送滞后", IssuedBy = "office", IssuedAt = Now, No = 3, Deadline = new DateOnly(2026, 5, 15),
        Items = [new SupervisionItem { Index = 1, Text = "补充数据" }, new SupervisionItem { Index = 2, Text = "说明原因" }],
    };

    [Fact]
    public void The_notice_counts_as_answered_only_when_every_item_has_an_answer()
    {
        var notice = Notice();
        notice.Answer(1, "已补充", "lly", Now);
        Assert.Equal(SupervisionStatus.Issued, notice.Status);
        notice.Answer(2, "人员调整", "ld", Now);
        Assert.Equal(SupervisionStatus.Answered, notice.Status);
        Assert.Equal(["lly", "ld"], notice.Items.Select(i => i.AnsweredBy));
    }

    [Fact]
    public void A_notice_cannot_be_closed_with_items_unanswered_nor_answered_after_closing()
    {
        var notice = Notice();
        notice.Answer(2, "人员调整", "ld", Now);
        var early = Assert.Throws<SupervisionException>(() => notice.Close("office", null, Now));
        Assert.Equal("第1项尚未答复，不能办结", early.Message);
        notice.Answer(1, "已补充", "lly", Now);
        notice.Close("office", "同意", Now);
        Assert.Equal((SupervisionStatus.Closed, "office", "同意"), (notice.Status, notice.ClosedBy, notice.ClosingRemark));
        Assert.Throws<SupervisionException>(() => notice.Answer(1, "再改", "lly", Now));
        Assert.Throws<SupervisionException>(() => notice.Close("office", null, Now));
    }

    [Fact]
    public void An_unknown_item_is_refused_and_only_an_unanswered_notice_past_its_deadline_is_overdue()
    {
        var notice = Notice();
        Assert.Throws<SupervisionException>(() => notice.Answer(3, "x", "lly", Now));
        Assert.False(notice.IsOverdue(new DateOnly(2026, 5, 15)));
        Assert.True(notice.IsOverdue(new DateOnly(2026, 5, 16)));
        notice.Answer(1, "a", "lly", Now);
        notice.Answer(2, "b", "lly", Now);
        Assert.False(notice.IsOverdue(new DateOnly(2026, 5, 16)));
        Assert.Equal("督办〔2026〕3号", notice.Number);
    }
}
