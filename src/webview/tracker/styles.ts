// Styles for the Learning Tracker view, adopted as a constructed stylesheet (the CSP allows
// that). Theme colours only: the heatmap is --vscode-charts-green at rising opacities, so
// light and dark themes follow. High-contrast themes and forced colours get borders and
// stronger steps instead, since a faint fill on black or white can hardly be told apart.
export const trackerStyles = `
#root { padding: 6px 12px 0 20px; }
.status-line:empty { display: none; }
.status-line { display: flex; align-items: center; gap: 8px; min-height: 18px; font-size: 0.92em; color: var(--vscode-descriptionForeground); }
.status-line .grow { flex: 1; min-width: 0; overflow-wrap: anywhere; }
.link-button { background: none; border: none; padding: 0; font: inherit; cursor: pointer; text-align: left; color: var(--vscode-textLink-foreground); }
.link-button:hover { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
h2.section { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; margin: 16px 0 6px; color: var(--vscode-foreground); opacity: 0.85; }
.streaks { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 120px), 1fr)); gap: 8px; margin-top: 6px; }
.stat {
  padding: 8px 10px; border-radius: 4px;
  border: 1px solid var(--vscode-widget-border, var(--vscode-contrastBorder, transparent));
  background: var(--vscode-editorWidget-background, transparent);
}
.stat .label { font-size: 0.92em; color: var(--vscode-descriptionForeground); }
.stat .figure { font-size: 1.7em; font-weight: 600; line-height: 1.2; font-variant-numeric: tabular-nums; display: flex; align-items: baseline; gap: 6px; }
.stat .figure .unit { font-size: 0.5em; font-weight: 400; color: var(--vscode-descriptionForeground); }
.stat .figure .codicon { font-size: 0.6em; color: var(--vscode-charts-orange); align-self: center; }
.stat .detail { font-size: 0.92em; color: var(--vscode-descriptionForeground); overflow-wrap: break-word; }
.stat .risk { color: var(--vscode-editorWarning-foreground, var(--vscode-charts-orange)); font-weight: 600; }
/* Three columns at the usual widths; two, then one, in a narrow sidebar ("Active days" ran off the edge). */
.numbers { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 4.5em), 1fr)); gap: 4px 8px; margin-top: 10px; }
.numbers > div { min-width: 0; overflow-wrap: break-word; }
.numbers .n { font-size: 1.15em; font-weight: 600; font-variant-numeric: tabular-nums; }
.numbers .k { font-size: 0.88em; color: var(--vscode-descriptionForeground); }
.trend-up { color: var(--vscode-charts-green); }
.trend-down { color: var(--vscode-descriptionForeground); }
.summary { font-size: 0.92em; }
.heatmap { margin-top: 6px; }
.heatmap svg { display: block; overflow: visible; }
/* Drawn for the width measured at render; a scrollbar appearing later takes ~10 px, which
   must shrink the drawing, not add a horizontal scrollbar (the view redraws past 24 px). */
.heatmap svg.segment { max-width: 100%; height: auto; }
.heatmap .segment + .segment { margin-top: 6px; }
.heatmap text { fill: var(--vscode-descriptionForeground); font-size: 9px; font-family: var(--vscode-font-family); }
.heatmap rect.cell { rx: 2px; ry: 2px; }
.heatmap rect.cell:focus { outline: none; stroke: var(--vscode-focusBorder); stroke-width: 1.5px; }
.lv0 { fill: var(--vscode-foreground); fill-opacity: 0.1; }
.lv1 { fill: var(--vscode-charts-green); fill-opacity: 0.32; }
.lv2 { fill: var(--vscode-charts-green); fill-opacity: 0.55; }
.lv3 { fill: var(--vscode-charts-green); fill-opacity: 0.78; }
.lv4 { fill: var(--vscode-charts-green); fill-opacity: 1; }
rect.learning { stroke: var(--vscode-charts-green); stroke-opacity: 0.7; stroke-width: 1px; }
rect.today { stroke: var(--vscode-foreground); stroke-opacity: 0.6; stroke-width: 1px; }
.vscode-high-contrast :is(.heatmap rect.cell, .legend rect),
.vscode-high-contrast-light :is(.heatmap rect.cell, .legend rect) { stroke: var(--vscode-contrastBorder, var(--vscode-foreground)); stroke-width: 1px; stroke-opacity: 1; }
.vscode-high-contrast :is(.lv0, .lv1, .lv2, .lv3, .lv4),
.vscode-high-contrast-light :is(.lv0, .lv1, .lv2, .lv3, .lv4) { fill: var(--vscode-charts-green); }
.vscode-high-contrast .lv0, .vscode-high-contrast-light .lv0 { fill-opacity: 0; }
.vscode-high-contrast .lv1, .vscode-high-contrast-light .lv1 { fill-opacity: 0.4; }
.vscode-high-contrast .lv2, .vscode-high-contrast-light .lv2 { fill-opacity: 0.7; }
.vscode-high-contrast .lv3, .vscode-high-contrast-light .lv3 { fill-opacity: 1; }
.vscode-high-contrast .lv4, .vscode-high-contrast-light .lv4 { fill: var(--vscode-foreground); fill-opacity: 1; }
.vscode-high-contrast .heatmap rect.cell.learning, .vscode-high-contrast-light .heatmap rect.cell.learning { stroke: var(--vscode-charts-green); stroke-width: 2px; stroke-dasharray: 2 1; }
/* Today in the text colour: contrastActiveBorder is the focus colour of these themes, so the
   focused day and today looked the same. */
.vscode-high-contrast .heatmap rect.cell.today, .vscode-high-contrast-light .heatmap rect.cell.today { stroke: var(--vscode-foreground); stroke-width: 2px; }
.vscode-high-contrast .heatmap rect.cell:focus, .vscode-high-contrast-light .heatmap rect.cell:focus { stroke: var(--vscode-focusBorder); stroke-width: 2px; stroke-dasharray: none; }
.legend { display: flex; align-items: center; gap: 3px; justify-content: flex-end; font-size: 0.85em; color: var(--vscode-descriptionForeground); margin-top: 4px; }
.legend svg { display: block; }
.cell-detail { min-height: 1.4em; font-size: 0.92em; color: var(--vscode-descriptionForeground); margin-top: 2px; }
.bars { display: flex; align-items: flex-end; gap: 3px; height: 60px; margin-top: 4px; }
.bars .bar { flex: 1; min-width: 6px; display: flex; flex-direction: column; justify-content: flex-end; height: 100%; }
.bars .bar .count { font-size: 10px; line-height: 13px; height: 13px; text-align: center; color: var(--vscode-descriptionForeground); font-variant-numeric: tabular-nums; }
.bars .bar span { display: block; background: var(--vscode-charts-blue); border-radius: 2px 2px 0 0; min-height: 1px; }
.bars .bar.zero span { background: var(--vscode-foreground); opacity: 0.12; }
.bar-labels { display: flex; gap: 3px; font-size: 0.8em; color: var(--vscode-descriptionForeground); }
.bar-labels span { flex: 1; min-width: 6px; text-align: center; }
ul.list { list-style: none; margin: 0; padding: 0; }
ul.list li { display: flex; gap: 6px; align-items: flex-start; padding: 3px 0; }
ul.list li .codicon { margin-top: 2px; }
ul.list li .main { flex: 1; min-width: 0; overflow-wrap: break-word; }
ul.list li .meta { color: var(--vscode-descriptionForeground); font-size: 0.9em; white-space: nowrap; }
/* High Contrast fills badges with the page's own colour: its contrast border outlines them. */
.kind { font-size: 0.78em; margin-top: 2px; padding: 0 5px; border-radius: 8px; white-space: nowrap; border: 1px solid var(--vscode-contrastBorder, var(--vscode-badge-background)); color: var(--vscode-foreground); }
.kind.post { background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
.repo .problem { color: var(--vscode-errorForeground); font-size: 0.9em; }
.empty-state { margin: 12px 0; }
.empty-state h2 { font-size: 1.05em; margin: 0 0 6px; }
.empty-state p { margin: 0 0 10px; color: var(--vscode-descriptionForeground); }
.empty-actions { display: flex; flex-wrap: wrap; gap: 6px; }
.lip-banner .banner-actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.warnings { margin-top: 12px; }
/* A narrow sidebar (VS Code's minimum is 170 px): a list item's date or commit count wraps
   rather than stick out past the edge. */
@media (max-width: 240px) {
  ul.list li .meta { white-space: normal; min-width: 0; overflow-wrap: break-word; }
}
/* Forced colours (Windows contrast themes): system colours, after the rules above so they win. */
@media (forced-colors: active) {
  :root .heatmap svg, :root .legend svg { forced-color-adjust: none; }
  :root .heatmap rect.cell, :root .legend rect { stroke: CanvasText; stroke-width: 1px; stroke-opacity: 1; }
  :root .lv0 { fill: Canvas; fill-opacity: 1; }
  :root .lv1, :root .lv2, :root .lv3 { fill: Highlight; }
  :root .lv1 { fill-opacity: 0.4; }
  :root .lv2 { fill-opacity: 0.7; }
  :root .lv3 { fill-opacity: 1; }
  :root .lv4 { fill: CanvasText; fill-opacity: 1; }
  :root .heatmap rect.cell.learning { stroke: Highlight; stroke-width: 2px; stroke-dasharray: 2 1; }
  :root .heatmap rect.cell.today { stroke-width: 2px; }
  :root .heatmap rect.cell:focus { stroke: Highlight; stroke-width: 2px; stroke-dasharray: none; }
  :root .bars { forced-color-adjust: none; }
  :root .bars .bar span { background: Highlight; }
  :root .bars .bar.zero span { background: CanvasText; opacity: 1; }
}
`;
