using System.Globalization;

namespace Portal.Benchmarks;

/// <summary>A multiclass CSV (label first, numeric features) and its replay orders (columns seed1..seedN).</summary>
public sealed record ClassificationData(string Name, int[] Labels, float[][] Features, int Classes, IReadOnlyDictionary<int, int[]> Orders)
{
    public static ClassificationData Load(string csvPath, string permsPath)
    {
        var rows = File.ReadLines(csvPath).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        var labels = rows.Select(r => (int)double.Parse(r[0], CultureInfo.InvariantCulture)).ToArray();
        var features = rows.Select(r => r.Skip(1).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return new ClassificationData(Path.GetFileNameWithoutExtension(csvPath), labels, features, labels.Max() + 1, LoadOrders(permsPath));
    }

    private static Dictionary<int, int[]> LoadOrders(string permsPath)
    {
        var lines = File.ReadLines(permsPath).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        var orders = new Dictionary<int, int[]>();
        for (var c = 0; c < lines[0].Length; c++)
        {
            var seed = int.Parse(lines[0][c].Trim().Replace("seed", ""), CultureInfo.InvariantCulture);
            orders[seed] = lines.Skip(1).Select(r => int.Parse(r[c], CultureInfo.InvariantCulture)).ToArray();
        }

        return orders;
    }
}
