namespace TriageBot.Tests.Deployment;

/// <summary>Teams rejects an app package whose icons have the wrong size; the outline icon must be white on transparent.</summary>
public sealed class TeamsIconTests
{
    private static PngImage Icon(string name) => PngImage.Load(RepositoryRoot.PathTo("deploymentTemplates", "teams", name));

    [Fact]
    public void ColorIcon_Is192By192()
    {
        var icon = Icon("color.png");

        Assert.Equal((192, 192), (icon.Width, icon.Height));
    }

    [Fact]
    public void OutlineIcon_Is32By32()
    {
        var icon = Icon("outline.png");

        Assert.Equal((32, 32), (icon.Width, icon.Height));
    }

    [Fact]
    public void OutlineIcon_HasAnAlphaChannelAndATransparentBackground()
    {
        var icon = Icon("outline.png");

        Assert.True(icon.HasAlphaChannel, $"colour type {icon.ColorType} has no alpha channel (4 or 6 expected)");
        Assert.True(icon.HasPixels, "the outline icon should be a plain 8-bit, non-interlaced PNG");
        Assert.Equal(0, icon.Pixel(0, 0).A);
        Assert.Equal(0, icon.Pixel(31, 31).A);
        Assert.Contains(icon.AllPixels(), p => p.A == 255);
    }

    [Fact]
    public void OutlineIcon_DrawsOnlyInWhite()
    {
        var icon = Icon("outline.png");

        Assert.All(icon.AllPixels().Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
    }

    [Fact]
    public void ColorIcon_IsADecodablePng()
    {
        var icon = Icon("color.png");

        Assert.True(icon.HasPixels);
        Assert.Contains(icon.AllPixels(), p => p.A == 255);
    }
}
