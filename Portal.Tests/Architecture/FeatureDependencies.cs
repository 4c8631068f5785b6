using System.Reflection;
using System.Reflection.Emit;

namespace Portal.Tests.Architecture;

/// <summary>
/// Which feature folder uses which, read from the compiled assembly rather than from <c>using</c> lines: a reference
/// through a relative name (<c>Insights.Aggregation.X</c>), a <c>var</c> or a Razor import counts as much as a using.
/// A type belongs to the area its namespace names: <c>Portal.Features.&lt;Feature&gt;</c>, or <c>Infrastructure</c>,
/// <c>Data</c>, <c>Components</c>. Every signature, base type, attribute and method body (with the compiler's lambda
/// and async classes, which are nested in the type they came from) is read.
/// </summary>
public static class FeatureDependencies
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
                                          BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Every (from, to) pair of areas where a type of the first uses a type of the second.</summary>
    public static IReadOnlySet<(string From, string To)> Edges(Assembly assembly) =>
        Uses(assembly).Select(u => (u.From, u.To)).ToHashSet();

    /// <summary>Which type uses which across areas, with both areas: the evidence behind <see cref="Edges"/>.</summary>
    public static IEnumerable<(string From, string To, Type User, Type Used)> Uses(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            var from = AreaOf(type);
            if (from is null) continue;
            foreach (var used in TypesUsedBy(type))
            {
                var to = AreaOf(used);
                if (to is not null && to != from) yield return (from, to, Outermost(type), used);
            }
        }
    }

    private static Type Outermost(Type type)
    {
        while (type.IsNested) type = type.DeclaringType!;
        return type;
    }

    /// <summary>The feature folders that have types in the assembly.</summary>
    public static IReadOnlySet<string> FeaturesOf(Assembly assembly) => assembly.GetTypes()
        .Where(t => t.Namespace?.StartsWith("Portal.Features.", StringComparison.Ordinal) == true)
        .Select(AreaOf).OfType<string>().ToHashSet();

    /// <summary>The area a Portal type belongs to, or null for a framework type or the root namespace (Program).</summary>
    public static string? AreaOf(Type type)
    {
        type = Outermost(type);
        var parts = (type.Namespace ?? "").Split('.');
        if (parts.Length < 2 || parts[0] != "Portal") return null;
        return parts[1] == "Features" && parts.Length > 2 ? parts[2] : parts[1] == "Features" ? null : parts[1];
    }

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t)) return;
            if (t.HasElementType) Add(t.GetElementType());
            if (t.IsGenericType) foreach (var argument in t.GetGenericArguments()) Add(argument);
        }
        void AddAttributes(IEnumerable<CustomAttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
                    if (argument.Value is Type typeArgument) Add(typeArgument);
            }
        }

        Add(type.BaseType);
        foreach (var implemented in type.GetInterfaces()) Add(implemented);
        AddAttributes(type.CustomAttributes);
        foreach (var field in type.GetFields(Declared)) { Add(field.FieldType); AddAttributes(field.CustomAttributes); }
        foreach (var property in type.GetProperties(Declared)) { Add(property.PropertyType); AddAttributes(property.CustomAttributes); }
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info) Add(info.ReturnType);
            foreach (var parameter in method.GetParameters()) Add(parameter.ParameterType);
            AddAttributes(method.CustomAttributes);
            foreach (var used in TypesInBody(method)) Add(used);
        }
        return found;
    }

    /// <summary>The declaring types of every member and type token in the method's IL.</summary>
    private static IEnumerable<Type> TypesInBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var module = method.Module;
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var member = Resolve(module, BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                    if (member is Type resolved) yield return resolved;
                    else if (member?.DeclaringType is { } declaring) yield return declaring;
                    if (member is MethodInfo called) { yield return called.ReturnType; foreach (var a in called.GetGenericArguments()) yield return a; }
                    if (member is FieldInfo field) yield return field.FieldType;
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + 4 * BitConverter.ToInt32(il, at);
                    break;
                default:
                    at += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try { return module.ResolveMember(token, typeArguments, methodArguments); }
        catch (ArgumentException) { return null; } // a token of a generic context that cannot be closed here
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    /// <summary>Pairs of areas that use each other, each pair once (alphabetical).</summary>
    public static List<(string A, string B)> TwoWayCycles(IReadOnlySet<(string From, string To)> edges) =>
        edges.Where(e => string.CompareOrdinal(e.From, e.To) < 0 && edges.Contains((e.To, e.From)))
            .Select(e => (e.From, e.To)).OrderBy(c => c.From).ThenBy(c => c.To).ToList();

    /// <summary>
    /// Groups of two or more of the given areas that reach each other through their uses (strongly connected
    /// components, Tarjan's algorithm): any cycle, however long, shows up as one group.
    /// </summary>
    public static List<List<string>> CycleGroups(IReadOnlySet<(string From, string To)> edges, IReadOnlySet<string> areas)
    {
        var next = edges.Where(e => areas.Contains(e.From) && areas.Contains(e.To))
            .GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Order().ToList());
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var groups = new List<List<string>>();
        void Visit(string area)
        {
            index[area] = low[area] = index.Count;
            stack.Push(area);
            foreach (var used in next.GetValueOrDefault(area) ?? [])
            {
                if (!index.ContainsKey(used)) { Visit(used); low[area] = Math.Min(low[area], low[used]); }
                else if (stack.Contains(used)) low[area] = Math.Min(low[area], index[used]);
            }
            if (low[area] != index[area]) return;
            var group = new List<string>();
            string member;
            do { member = stack.Pop(); group.Add(member); } while (member != area);
            if (group.Count > 1) groups.Add(group.Order().ToList());
        }
        foreach (var area in areas.Order()) if (!index.ContainsKey(area)) Visit(area);
        return groups;
    }

    /// <summary>One line per area: what it uses.</summary>
    public static string Describe(IReadOnlySet<(string From, string To)> edges) => string.Join('\n', edges
        .GroupBy(e => e.From).OrderBy(g => g.Key)
        .Select(g => $"{g.Key} -> {string.Join(", ", g.Select(e => e.To).Order())}"));
}
