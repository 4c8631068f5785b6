namespace Portal.Features.Learning;

/// <summary>
/// Mutable state of online gradient descent, laid out as VW does: per weight index four floats
/// [weight, Σ squared gradients (adaptive), largest |x| seen (normalized), per-example rate (spare)],
/// plus the global sums used by normalized updates and by <c>--l1/--l2</c>.
/// </summary>
internal sealed class GradientState
{
    public const int Stride = 4;

    public GradientState(int bits, double initialT, bool adaptive)
    {
        Bits = bits;
        Mask = (1u << bits) - 1;
        Cells = new float[Stride << bits];
        if (adaptive && initialT > 0)
        {
            for (var i = 1; i < Cells.Length; i += Stride) Cells[i] = (float)initialT;
        }
        T = initialT;
    }

    public int Bits { get; }
    public uint Mask { get; }
    public float[] Cells { get; }

    public double NormalizedSumNormX { get; set; }
    public double TotalWeight { get; set; }
    public float MinLabel { get; set; }
    public float MaxLabel { get; set; }
    public double Gravity { get; set; }
    public double Contraction { get; set; } = 1;
    public double T { get; set; }

    /// <summary>The weights as a scoring model sees them: l1 truncation and l2 contraction applied.</summary>
    public float[] ExportWeights()
    {
        var weights = new float[1 << Bits];
        var gravity = (float)Gravity;
        var contraction = (float)Contraction;
        for (var i = 0; i < weights.Length; i++)
        {
            var w = Cells[i * Stride];
            if (gravity > 0) w = Math.Abs(w) > gravity ? w - MathF.CopySign(gravity, w) : 0;
            weights[i] = w * contraction;
        }

        return weights;
    }
}
