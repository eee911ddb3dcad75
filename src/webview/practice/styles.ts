// Styles for the practice view and panel, adopted as a constructed stylesheet (the CSP allows
// that, and it keeps the view's CSS next to the code that draws it). Theme colours only.
export const practiceStyles = `
h1, h2, h3 { font-weight: 600; margin: 0; }
h3 {
  font-size: 11px; text-transform: uppercase; letter-spacing: 0.04em;
  color: var(--vscode-sideBarSectionHeader-foreground, var(--vscode-foreground));
}
code {
  font-family: var(--vscode-editor-font-family); font-size: 0.95em;
  background: var(--vscode-textCodeBlock-background); padding: 0 3px; border-radius: 3px;
}
/* High contrast: code keeps the text colour and gets an outline (its block colour washed it out). */
.vscode-high-contrast code, .vscode-high-contrast-light code { color: var(--vscode-foreground); background: none; outline: 1px solid var(--vscode-contrastBorder, currentColor); }
.md-table { overflow-x: auto; margin: 6px 0; }
.md-table table { border-collapse: collapse; }
.md-table th, .md-table td { border: 1px solid var(--vscode-widget-border, var(--vscode-contrastBorder, var(--vscode-descriptionForeground))); padding: 2px 8px; text-align: left; vertical-align: top; }
.md-table th { font-weight: 600; }
.md-table .align-center { text-align: center; }
.md-table .align-right { text-align: right; }
pre { background: var(--vscode-textCodeBlock-background); padding: 8px; border-radius: 3px; overflow-x: auto; }
pre code, .vscode-high-contrast pre code, .vscode-high-contrast-light pre code { background: none; padding: 0; outline: none; }
blockquote { margin: 6px 0; padding: 2px 10px; border-left: 3px solid var(--vscode-textBlockQuote-border); background: var(--vscode-textBlockQuote-background); }
kbd.shortcut {
  font-family: var(--vscode-font-family); font-size: 11px; color: var(--vscode-descriptionForeground);
  border: 1px solid var(--vscode-widget-border, var(--vscode-contrastBorder, transparent)); border-radius: 3px; padding: 0 4px;
  background: var(--vscode-keybindingLabel-background, transparent);
}
.icon-button {
  background: none; border: none; color: var(--vscode-icon-foreground, var(--vscode-foreground));
  padding: 2px; border-radius: 4px; cursor: pointer; display: inline-flex; align-items: center;
}
.icon-button:hover { background: var(--vscode-toolbar-hoverBackground); }
.section-header { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin: 16px 0 6px; }
.section-header h2, .section-header h3 { margin: 0; }
.problem { font-size: 12px; }
.problem .codicon { color: var(--vscode-errorForeground); flex: none; margin-top: 1px; }
.problem a { color: inherit; text-decoration: none; }
.problem a:hover, .problem a:focus-visible { text-decoration: underline; }
.problem-where { font-family: var(--vscode-editor-font-family); color: var(--vscode-descriptionForeground); }

/* ---- sidebar ---- */
.sidebar { padding: 6px 0 4px; }
/* Side by side, or stacked when the sidebar is too narrow for two. */
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 4em), 1fr)); gap: 8px; }
.stat {
  display: flex; flex-direction: column; padding: 6px 10px; border-radius: 4px;
  background: var(--vscode-sideBarSectionHeader-background, var(--vscode-editorWidget-background));
  border: 1px solid var(--vscode-widget-border, transparent);
}
.stat-value { font-size: 22px; font-weight: 600; line-height: 1.2; }
[data-testid="due-today"] .stat-value { color: var(--vscode-charts-blue, var(--vscode-foreground)); }
.stat-label { color: var(--vscode-descriptionForeground); font-size: 12px; }
.next-due { margin: 10px 0; display: flex; gap: 4px; align-items: center; flex-wrap: wrap; }
.actions { display: flex; flex-direction: column; gap: 6px; margin: 8px 0 4px; }
.continue { display: inline-flex; align-items: center; gap: 4px; margin-top: 2px; }
.week-block { margin-top: 14px; }
.week-block h3 { margin-bottom: 6px; }
.week { display: flex; gap: 4px; }
.day { display: flex; flex-direction: column; align-items: center; gap: 2px; flex: 1 1 0; min-width: 0; max-width: 28px; }
.day-dot {
  /* Shrinks with a narrow sidebar rather than push Sunday out of view. */
  width: 100%; max-width: 20px; aspect-ratio: 1 / 1; border-radius: 50%; box-sizing: border-box;
  border: 1px solid var(--vscode-widget-border, var(--vscode-descriptionForeground));
  display: flex; align-items: center; justify-content: center;
}
.day-dot .codicon { font-size: 12px; }
.day.practised .day-dot {
  background: var(--vscode-button-background); border-color: var(--vscode-button-background); color: var(--vscode-button-foreground);
}
/* Today ringed in the text colour, as the tracker's heatmap marks it: the focus colour would say
   the day can take focus, and nothing in the week does. */
.day.today .day-dot { outline: 1px solid var(--vscode-foreground); outline-offset: 1px; }
.vscode-high-contrast .day.today .day-dot, .vscode-high-contrast-light .day.today .day-dot { outline-width: 2px; }
@media (forced-colors: active) { :root .day.today .day-dot { outline: 2px solid CanvasText; } }
.day-label { font-size: 11px; color: var(--vscode-descriptionForeground); }
.day.today .day-label { color: var(--vscode-foreground); font-weight: 600; }
.week-summary { margin: 4px 0 0; font-size: 12px; }
.decks { list-style: none; margin: 0; padding: 0; }
.deck { padding: 4px 0 6px; border-bottom: 1px solid var(--vscode-widget-border, transparent); }
.deck-row { display: flex; align-items: center; gap: 6px; }
.deck-name { font-weight: 600; min-width: 0; overflow-wrap: break-word; }
.deck-origin { font-size: 11px; flex: none; }
.deck-row .icon-button { margin-left: auto; }
.deck-counts { font-size: 12px; padding-left: 22px; }
/* A narrow sidebar: the origin goes under the name, which keeps the row's room and so breaks
   between words ("Ma/chi/ne" when the origin kept its room beside it). */
@media (max-width: 240px) {
  .deck-row { flex-wrap: wrap; }
  .deck-name { flex: 1 1 0; }
  .deck-origin { order: 1; flex: 0 0 100%; box-sizing: border-box; padding-left: 22px; }
}
.history-problems { margin-top: 12px; }
.undo { margin-top: 14px; }

/* ---- session panel ---- */
body[data-mode="session"] #root { padding: 12px 20px; max-width: 1100px; }
.session-header { display: flex; align-items: center; gap: 8px; font-size: 12px; }
.session-header .spacer { flex: 1; }
.reason {
  border-radius: 10px; padding: 1px 8px; font-size: 11px;
  background: var(--vscode-badge-background); color: var(--vscode-badge-foreground);
}
h1.question { font-size: 1.5em; line-height: 1.3; margin: 8px 0 12px; }
.row { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; margin-top: 12px; }
.last-rated {
  display: flex; align-items: center; gap: 4px; margin: 0 0 10px; font-size: 12px;
  color: var(--vscode-descriptionForeground);
}
.compare { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 12px; }
.answer {
  border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border, transparent)); border-radius: 4px;
  padding: 10px 12px; background: var(--vscode-editorWidget-background); min-width: 0;
}
.answer h2 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--vscode-descriptionForeground); display: flex; align-items: center; gap: 4px; margin-bottom: 6px; }
.answer.model { border-left: 3px solid var(--vscode-textLink-foreground); }
.answer.yours { border-left: 3px solid var(--vscode-descriptionForeground); }
.md p, .md ul, .md ol { margin: 6px 0; }
.md ul, .md ol { padding-left: 20px; }
.md-heading { margin: 10px 0 4px; font-size: 1em; }
.source { font-size: 12px; margin: 8px 0 0; }
.small-link { font-size: 12px; }
.key-points-block .section-header h2 { font-size: 1.05em; }
.key-points { display: flex; flex-direction: column; gap: 6px; }
.last-attempt { display: flex; align-items: center; flex-wrap: wrap; gap: 4px 8px; margin: -4px 0 12px; font-size: 12px; }
/* The rating buttons stay in view after reveal, however long the model answer: the answers
   scroll under the bar, which hides them with the panel's own background. */
.rating-bar {
  position: sticky; bottom: 0; z-index: 1; margin-top: 18px; padding: 8px 0 12px;
  background: var(--vscode-editor-background);
  border-top: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, var(--vscode-contrastBorder, transparent)));
}
.rate-hint { font-size: 1.05em; margin: 0 0 8px; }
/* Four in a row up to 140px each, wrapping onto more rows only when a row of four no longer fits. */
.ratings { display: grid; grid-template-columns: repeat(auto-fit, minmax(70px, 1fr)); gap: 8px; max-width: calc(4 * 140px + 3 * 8px); }
.rating { display: flex; flex-direction: column; align-items: stretch; gap: 3px; text-align: center; }
.interval { font-size: 12px; font-weight: 600; color: var(--vscode-descriptionForeground); }
.rating-again .interval { color: var(--vscode-errorForeground); }
.rating-good .interval { color: var(--vscode-charts-green, var(--vscode-foreground)); }
.rating kbd.shortcut { align-self: center; }
.done h1 { display: flex; align-items: center; gap: 8px; margin: 12px 0; }
.done h1 .codicon { color: var(--vscode-charts-green, var(--vscode-foreground)); font-size: 20px; }
`;
