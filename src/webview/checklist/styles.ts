// Styles for the Career Checklist view, adopted as a constructed stylesheet (the CSP allows
// that). Theme colours only, so light, dark and high-contrast themes all follow.
export const checklistStyles = `
#root { padding: 4px 0 0; }
.overall { padding: 4px 12px 8px 20px; }
.overall-line { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; }
.overall-figure { font-size: 1.1em; font-weight: 600; }
.overall-percent { color: var(--vscode-descriptionForeground); font-variant-numeric: tabular-nums; }
.file-line { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; margin-top: 4px; font-size: 0.92em; color: var(--vscode-descriptionForeground); }
/* The path grows beside its icon (a narrow sidebar left the icon alone on its line); the link wraps below. */
.file-line .path { flex: 1 1 12em; min-width: 0; overflow-wrap: anywhere; }
.link-button {
  background: none; border: none; padding: 0; font: inherit; cursor: pointer;
  color: var(--vscode-textLink-foreground);
}
.link-button:hover { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
.meter {
  height: 4px; border-radius: 2px; overflow: hidden; margin-top: 6px;
  background: var(--vscode-progressBar-background, var(--vscode-focusBorder));
  background: color-mix(in srgb, var(--vscode-progressBar-background, #0078d4) 22%, transparent);
  border: 1px solid var(--vscode-contrastBorder, transparent);
}
.meter > span { display: block; height: 100%; background: var(--vscode-progressBar-background, #0078d4); }
.banners, .notice, .toolbar { padding: 0 12px 0 20px; }
.lip-banner .codicon { flex: none; margin-top: 2px; }
.lip-banner .banner-body { flex: 1; min-width: 0; overflow-wrap: anywhere; }
.lip-banner .banner-actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.notice { min-height: 0; font-size: 0.92em; }
.notice.error { color: var(--vscode-errorForeground); }
.notice:not(:empty) { margin: 4px 0; }
.toolbar { display: flex; align-items: center; justify-content: space-between; margin: 2px 0 6px; }
vscode-collapsible { display: block; }
vscode-collapsible::part(body) { overflow: visible; }
/* The padding keeps a gap between a long title (cut off with an ellipsis) and its count. */
.decoration { display: inline-flex; align-items: center; white-space: nowrap; padding-left: 8px; }
.section-count { font-size: 11px; margin-right: 8px; color: var(--vscode-sideBarTitle-foreground, #cccccc); opacity: 0.7; font-variant-numeric: tabular-nums; }
.vscode-high-contrast .section-count, .vscode-high-contrast-light .section-count { opacity: 1; }
.mini-meter {
  display: inline-block; width: 36px; height: 4px; margin-right: 8px; vertical-align: middle; border-radius: 2px; overflow: hidden;
  background: color-mix(in srgb, var(--vscode-progressBar-background, #0078d4) 22%, transparent);
  border: 1px solid var(--vscode-contrastBorder, transparent);
}
.mini-meter > span { display: block; height: 100%; background: var(--vscode-progressBar-background, #0078d4); }
/* An open section shows its full progress bar (with the screen-reader label) under the header. */
vscode-collapsible[open] .mini-meter { display: none; }
/* A narrow sidebar gives the title the mini bar's room: "LEAR…" told nothing. */
@media (max-width: 240px) { .mini-meter { display: none; } }
.section-body { padding: 2px 12px 8px 20px; }
.section-body .meter { margin: 0 0 6px; }
ul.items { list-style: none; margin: 0; padding: 0; }
li.item { padding: 3px 0; border-bottom: 1px solid transparent; }
li.item.is-hidden { opacity: 0.7; }
.item-row { display: flex; align-items: flex-start; gap: 4px; }
.item-row vscode-checkbox { flex: 1; min-width: 0; }
.item-row vscode-checkbox { overflow-wrap: anywhere; }
/* The item with keyboard focus is outlined whole, as in VS Code's own lists: the checkbox's ring alone is a faint 16px square. */
body.keyboard-focus .item-row:has(> vscode-checkbox:focus) { outline: 1px solid var(--vscode-list-focusOutline, var(--vscode-focusBorder)); outline-offset: 1px; border-radius: 2px; }
.item-meta { display: flex; flex-wrap: wrap; gap: 2px 8px; margin: -2px 0 2px 27px; font-size: 0.92em; color: var(--vscode-descriptionForeground); }
.item-meta .note-preview { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 100%; font-style: italic; }
.tag {
  font-size: 0.85em; padding: 0 4px; border-radius: 3px;
  border: 1px solid var(--vscode-widget-border, var(--vscode-contrastBorder, var(--vscode-descriptionForeground)));
}
.icon-button {
  flex: none; background: none; border: none; border-radius: 4px; padding: 2px; margin: 0; cursor: pointer;
  color: var(--vscode-icon-foreground, var(--vscode-foreground)); display: inline-flex; align-items: center; justify-content: center;
}
.icon-button:hover { background: var(--vscode-toolbar-hoverBackground); }
.icon-button[aria-expanded="true"] .codicon { transform: rotate(180deg); }
.details { margin: 2px 0 6px 8px; padding: 6px 0 6px 8px; border-left: 2px solid var(--vscode-tree-indentGuidesStroke, var(--vscode-widget-border, var(--vscode-descriptionForeground))); }
.details p { margin: 0 0 6px; }
.details .why { overflow-wrap: anywhere; }
.details .source { font-size: 0.92em; color: var(--vscode-descriptionForeground); overflow-wrap: anywhere; }
.details vscode-textarea, .details vscode-textfield { width: 100%; box-sizing: border-box; }
.details .buttons { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.add-row { display: flex; gap: 6px; margin-top: 6px; }
.add-row vscode-textfield { flex: 1; min-width: 0; }
.add-status { margin: 4px 0 0; font-size: 0.92em; color: var(--vscode-descriptionForeground); }
.add-status:empty { display: none; }
li.item.just-added { background: var(--vscode-list-inactiveSelectionBackground); box-shadow: inset 2px 0 0 var(--vscode-focusBorder); animation: lip-added 6s ease-out forwards; }
@keyframes lip-added { 0%, 60% { background: var(--vscode-list-inactiveSelectionBackground); } 100% { background: transparent; } }
@media (prefers-reduced-motion: reduce) { li.item.just-added { animation: none; } }
.empty { color: var(--vscode-descriptionForeground); margin: 2px 0 4px; }
.file-notes { padding: 0 12px 0 20px; margin-top: 8px; font-size: 0.92em; }
.file-notes summary { cursor: pointer; color: var(--vscode-descriptionForeground); }
.file-notes ul { margin: 4px 0; padding-left: 16px; }
.file-notes li { margin: 2px 0; overflow-wrap: anywhere; }
@media (forced-colors: active) {
  .meter > span { background: Highlight; }
}
`;
