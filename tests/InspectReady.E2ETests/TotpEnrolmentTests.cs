using Microsoft.Playwright;
using OtpNet;

namespace InspectReady.E2ETests;

/// <summary>The first sign-in of an administrator on a production-like server: 动态口令 enrolment by QR code.</summary>
public sealed class TotpEnrolmentTests(TotpServer server) : IClassFixture<TotpServer>
{
    [Fact]
    public async Task An_administrator_enrols_an_authenticator_at_first_sign_in_and_then_signs_in_with_its_code()
    {
        await using var browser = await BrowserSession.OpenAsync(server);
        var page = browser.Page;
        var key = "";
        await browser.StepAsync("the password is right, the second factor is owed", async () =>
        {
            await browser.SignInAsync("admin", KnownAdminServer.AdminPassword);
            await page.WaitForURLAsync("**/account/totp/enrol**");
            await Assertions.Expect(page.Locator("[data-testid=totp-required]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=totp-qr] svg")).ToBeVisibleAsync();
            key = (await page.Locator("[data-testid=totp-key]").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        });
        await browser.StepAsync("the code of the app enrols it and ten recovery codes are shown once", async () =>
        {
            await page.FillAsync("#code", new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
            await page.ClickAsync("button[type=submit]");
            await Assertions.Expect(page.Locator("[data-testid=recovery-codes] li")).ToHaveCountAsync(10);
            await page.ClickAsync("[data-testid=totp-continue]");
            await browser.WaitInteractiveAsync();
            await Assertions.Expect(page.Locator("[data-testid=welcome]")).ToContainTextAsync("admin");
            await browser.SignOutAsync();
        });
        await browser.StepAsync("the next sign-in asks for the code", async () =>
        {
            await browser.SignInAsync("admin", KnownAdminServer.AdminPassword);
            await page.WaitForURLAsync("**/account/totp?**");
            await page.FillAsync("#code", new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
            await page.ClickAsync("button[type=submit]");
            await browser.WaitInteractiveAsync();
            await Assertions.Expect(page.Locator("[data-testid=welcome]")).ToContainTextAsync("admin");
        });
        Assert.Empty(browser.ForeignRequests);
        Assert.Empty(browser.FailedAssets);
    }
}
