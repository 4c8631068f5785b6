using MudBlazor;

namespace Portal.Components.Layout;

public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3559a8",
            Secondary = "#5f6b7a",
            AppbarBackground = "#23395d",
            DrawerBackground = "#f7f8fb",
            // MudBlazor's defaults (#2196f3, #00c853, #ff9800, #f44336) give white text on a filled chip, and coloured text
            // on the light tint of text chips and alerts, less than WCAG AA's 4.5:1; these darker shades give ≥ 5:1.
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#9a4d00",
            Error = "#c62828",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
