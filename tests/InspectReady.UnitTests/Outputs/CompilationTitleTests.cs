using InspectReady.Web.Features.Outputs;

namespace InspectReady.UnitTests.Outputs;

public sealed class CompilationTitleTests
{
    [Theory]
    [InlineData("平顶山市法治政府建设示范市迎检", "平顶山市法治政府建设示范市迎检材料汇编")]
    [InlineData("卫东区2024年迎检准备", "卫东区2024年迎检准备材料汇编")]
    [InlineData("卫东区法治政府建设示范创建", "卫东区法治政府建设示范创建迎检材料汇编")]
    [InlineData(" 卫东区创建活动 ", "卫东区创建活动迎检材料汇编")]
    public void The_title_says_迎检_once(string campaign, string title) => Assert.Equal(title, OutputsHandler.CompilationTitle(campaign));
}
