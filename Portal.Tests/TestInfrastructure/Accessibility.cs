using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Portal.Tests.TestInfrastructure;

/// <summary>
/// Accessibility checks in the browser: axe-core's WCAG 2.0/2.1 A and AA rules, horizontal scrolling at a phone's width,
/// and whether the focused element shows a focus indicator. axe-core comes from npm (Portal.Tests/tools/axe, installed by
/// test.sh with <c>npm ci</c>) and is read from disk: no network at test time. It is evaluated through the DevTools
/// protocol, so the page's Content-Security-Policy does not block it (and it injects no script tag the CSP would report).
/// </summary>
public static class Accessibility
{
    public const int PhoneWidth = 390;

    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<string> AxeSource = new(ReadAxeSource);

    /// <summary>The violations of WCAG 2.1 A and AA that axe-core finds on the page as it is now; <paramref name="exclude"/> leaves elements out (say why where it is called).</summary>
    public static async Task<IReadOnlyList<AxeViolation>> AxeViolationsAsync(this IPage page, params string[] exclude)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(AxeSource.Value + "\n;undefined");
        var found = await page.EvaluateAsync<JsonElement>(
            """
            async ([tags, exclude]) => {
                const context = exclude.length ? { exclude: exclude.map(e => [e]) } : document;
                const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                return result.violations.map(v => ({ id: v.id, impact: v.impact || '', help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
            }
            """, new object[] { WcagTags, exclude });
        return found.EnumerateArray()
            .Select(v => new AxeViolation(v.GetProperty("id").GetString()!, v.GetProperty("impact").GetString()!, v.GetProperty("help").GetString()!,
                v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList()))
            .ToList();
    }

    /// <summary>Runs axe, prints the count (and each violation) for the page under its name, and fails on any violation.</summary>
    public static async Task AssertNoAxeViolationsAsync(this IPage page, string name, ITestOutputHelper output, params string[] exclude)
    {
        var violations = await page.AxeViolationsAsync(exclude);
        var width = page.ViewportSize?.Width;
        output.WriteLine($"axe WCAG 2.1 AA: {name} at {width} px: {violations.Count} violation(s)");
        foreach (var violation in violations) output.WriteLine("  " + violation);
        Assert.True(violations.Count == 0, $"{name} at {width} px has {violations.Count} axe violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }

    /// <summary>The page's full scroll width: more than the viewport means a person has to scroll sideways.</summary>
    public static Task<int> ScrollWidthAsync(this IPage page) =>
        page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");

    /// <summary>Fails when the page is wider than the viewport, naming the elements that stick out.</summary>
    public static async Task AssertNoHorizontalScrollAsync(this IPage page, string name)
    {
        var width = page.ViewportSize!.Width;
        var scrollWidth = await page.ScrollWidthAsync();
        if (scrollWidth <= width) return;
        var wide = await page.EvaluateAsync<string[]>(
            """
            width => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 0.5)
                .slice(0, 8)
                .map(e => `<${e.tagName.toLowerCase()} class="${e.className}"> ${Math.round(e.getBoundingClientRect().right)} px`)
            """, width);
        Assert.Fail($"{name} scrolls sideways at {width} px: it is {scrollWidth} px wide. Sticking out: {string.Join("; ", wide)}");
    }

    /// <summary>The focused element (tag, id, text or value or label, and whether it draws a focus indicator), or null when nothing is.</summary>
    public static Task<JsonElement> FocusedAsync(this IPage page) => page.EvaluateAsync<JsonElement>(
        """
        () => {
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            const style = getComputedStyle(e);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            const shadow = style.boxShadow !== 'none';
            return { tag: e.tagName.toLowerCase(), id: e.id || '',
                     text: (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 80),
                     visibleFocus: outline || shadow, outline: style.outline, boxShadow: style.boxShadow };
        }
        """);

    /// <summary>
    /// Presses Tab until the element whose id is <paramref name="idOrText"/>, or whose text starts with it, has the focus;
    /// every element the focus passes on the way must show a focus indicator (outline or box-shadow).
    /// </summary>
    public static async Task TabToAsync(this IPage page, string idOrText, int maxTabs = 40)
    {
        var passed = new List<string>();
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.FocusedAsync();
            if (focused.ValueKind != JsonValueKind.Object) continue;
            var tag = focused.GetProperty("tag").GetString();
            var id = focused.GetProperty("id").GetString()!;
            var text = focused.GetProperty("text").GetString()!;
            Assert.True(focused.GetProperty("visibleFocus").GetBoolean(),
                $"On {page.Url}, the focused <{tag} id='{id}'> '{text}' shows no focus indicator (outline '{focused.GetProperty("outline").GetString()}', " +
                $"box-shadow '{focused.GetProperty("boxShadow").GetString()}').");
            if (id == idOrText || text.StartsWith(idOrText, StringComparison.Ordinal)) return;
            passed.Add($"<{tag}{(id.Length > 0 ? "#" + id : "")}> {text}");
        }
        Assert.Fail($"On {page.Url}, '{idOrText}' was not reached in {maxTabs} presses of Tab; the focus went through: {string.Join(" | ", passed)}");
    }

    private static string ReadAxeSource()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) continue;
            var path = Path.Combine(dir.FullName, "Portal.Tests", "tools", "axe", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(path)) return File.ReadAllText(path);
            throw new InvalidOperationException(
                $"axe-core is not installed ({path} is missing). test.sh installs it; by hand: (cd Portal.Tests/tools/axe && npm ci --no-audit --no-fund).");
        }
        throw new InvalidOperationException("The repository root (Portal.sln) was not found above " + AppContext.BaseDirectory + ", so axe-core cannot be loaded.");
    }
}
