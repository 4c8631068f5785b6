namespace Portal.Data.Entities;

public enum RewardAggregation
{
    /// <summary>The first reward received counts; later ones are ignored.</summary>
    Earliest,

    /// <summary>All rewards received before the wait time are added.</summary>
    Sum,
}
