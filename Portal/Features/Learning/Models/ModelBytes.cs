namespace Portal.Features.Learning.Models;

/// <summary>A learner as the bytes the database keeps (Portal's model file format, see <see cref="ModelFile"/>).</summary>
internal static class ModelBytes
{
    public static byte[] Write(OnlineLearner learner)
    {
        using var buffer = new MemoryStream();
        learner.Save(buffer);
        return buffer.ToArray();
    }

    public static OnlineLearner Read(byte[] data)
    {
        using var buffer = new MemoryStream(data, writable: false);
        return OnlineLearner.Load(buffer);
    }
}
