namespace Portal.Features.Decisions.LogExport;

/// <summary>How far a download is: decisions read of those counted when it started; <see cref="Done"/> once it ended.</summary>
public readonly record struct ExportProgress(long Read, long Total, bool Done)
{
    public double Percent => Total <= 0 ? 100 : Math.Min(100, 100.0 * Read / Total);
}
