using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Tests.Model;

[TestFixture]
public sealed class ActivityTests
{
    [Test]
    public void Excerpt_ShortText_IsKeptWhole()
    {
        Assert.That(Activity.Excerpt("Moved to R2 after the pricing review."), Is.EqualTo("Moved to R2 after the pricing review."));
    }

    [Test]
    public void Excerpt_LongText_IsCutToTheColumnSizeWithAnEllipsis()
    {
        var excerpt = Activity.Excerpt(new string('a', Activity.MaxTextLength + 500));

        Assert.That(excerpt, Has.Length.EqualTo(Activity.MaxTextLength));
        Assert.That(excerpt, Does.EndWith("…"));
    }

    [Test]
    public void Excerpt_Null_StaysNull()
    {
        Assert.That(Activity.Excerpt(null), Is.Null);
    }
}
