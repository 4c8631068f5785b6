namespace Portal.Features.Segments;

/// <summary>The segment editor's editable state: conditions as people type them, turned into a definition.</summary>
public sealed class SegmentForm
{
    public sealed class ConditionRow
    {
        public string Feature { get; set; } = "";
        public ConditionOperator Operator { get; set; } = ConditionOperator.Equals;

        /// <summary>One value for equals; values separated by commas for in.</summary>
        public string Values { get; set; } = "";
        public double? Min { get; set; }
        public double? Max { get; set; }

        public SegmentCondition ToCondition() => new(Feature.Trim(), Operator,
            Operator == ConditionOperator.Range ? null
                : Operator == ConditionOperator.In ? Values.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : [Values.Trim()],
            Operator == ConditionOperator.Range ? Min : null,
            Operator == ConditionOperator.Range ? Max : null);

        public static ConditionRow From(SegmentCondition c) => new()
        {
            Feature = c.Feature, Operator = c.Operator, Values = string.Join(", ", c.Values ?? []), Min = c.Min, Max = c.Max,
        };
    }

    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? LoopId { get; set; }
    public SegmentMatch Match { get; set; } = SegmentMatch.All;
    public List<ConditionRow> Conditions { get; set; } = [new()];

    public SegmentDefinition ToDefinition() => new(Match, Conditions.Select(c => c.ToCondition()).ToList());

    public SegmentService.Draft ToDraft() => new(Name, Description, LoopId, ToDefinition());

    public static SegmentForm From(SegmentCatalog.Entry segment) => new()
    {
        Name = segment.Name,
        Description = segment.Description,
        LoopId = segment.LoopId,
        Match = segment.Predicate.Definition.Match,
        Conditions = segment.Predicate.Definition.Conditions.Select(ConditionRow.From).ToList(),
    };
}
