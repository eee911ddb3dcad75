// A tiny element builder: strings always become text nodes, so user data (commit
// messages, titles, file names) can never be parsed as HTML.

type Child = Node | string | number | null | undefined | false;
type Props = Record<string, unknown>;

/**
 * `h('vscode-button', { onClick: fn, 'aria-label': 'Add' }, 'Add')`
 * - `on<Event>` props add listeners (`onClick` → `click`, `onChange` → `change`);
 * - `class`, `style`, `aria-*`, `data-*`, `role`, `id`, `slot`, `title` and `tabindex` are attributes;
 * - `true`/`false` for other names toggle boolean attributes when the element has no such property;
 * - anything else is set as a property (so web components receive real values).
 */
export function h(tag: string, props?: Props | null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  if (props) {
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined || value === null) continue;
      if (name.startsWith('on') && typeof value === 'function') {
        el.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
      } else if (isAttributeName(name)) {
        if (value === false) continue;
        el.setAttribute(name, value === true ? '' : String(value));
      } else if (name in el) {
        (el as unknown as Record<string, unknown>)[name] = value;
      } else if (typeof value === 'boolean') {
        if (value) el.setAttribute(name, '');
      } else {
        el.setAttribute(name, String(value));
      }
    }
  }
  append(el, children);
  return el;
}

function isAttributeName(name: string): boolean {
  return (
    name === 'class' || name === 'style' || name === 'role' || name === 'id' || name === 'slot' ||
    name === 'title' || name === 'tabindex' || name === 'for' || name.startsWith('aria-') || name.startsWith('data-')
  );
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}
