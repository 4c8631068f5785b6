namespace Portal.Features.Learning;

/// <summary>
/// The parts of a feature's display name, joined only when a name is asked for (explanations), so parsing a
/// request does not build strings: <c>{Prefix}.{Key}[{Position}]={Value}</c>, e.g. <c>user.profileType=Anon</c>.
/// An empty prefix means a top-level feature.
/// </summary>
internal readonly record struct FeatureLabel(string Prefix, string Key, string? Value = null, int Position = -1)
{
    public string Path
    {
        get
        {
            var path = Prefix.Length == 0 ? Key : Prefix + "." + Key;
            return Position >= 0 ? $"{path}[{Position}]" : path;
        }
    }

    public override string ToString() => Value is null ? Path : Path + "=" + Value;
}
