import type { ProfileView } from './state';

type Child = Node | string;

/** Creates an element. Text is always set as text, never parsed as HTML. */
function el(tag: string, attributes: Record<string, string>, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

/** Renders the profile into `root`, replacing what was there. */
export function renderProfile(root: HTMLElement, view: ProfileView, onRefresh: () => void): void {
  const refresh = el('button', { type: 'button', 'data-action': 'refresh' }, 'Refresh');
  refresh.addEventListener('click', onRefresh);

  const figures = el(
    'div',
    { class: 'summary' },
    ...view.figures.map((f) =>
      el(
        'div',
        { 'data-figure': f.label },
        el('div', { class: 'figure' }, f.value),
        el('div', { class: 'muted' }, f.label),
      ),
    ),
  );

  const headers = ['column', 'type', 'missing', 'distinct', 'min', 'max', 'mean'];
  const numeric = new Set(['missing', 'distinct', 'min', 'max', 'mean']);
  const table = el(
    'table',
    { 'aria-label': 'Columns' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...headers.map((h) => el('th', numeric.has(h) ? { scope: 'col', class: 'num' } : { scope: 'col' }, h)),
      ),
    ),
    el(
      'tbody',
      {},
      ...view.columns.map((c) => {
        const bar = el('span', { class: 'bar', 'aria-hidden': 'true' });
        bar.style.width = `${Math.round(c.missingShare * 60)}px`;
        return el(
          'tr',
          {},
          el('th', { scope: 'row' }, c.name),
          el('td', {}, el('span', { class: 'type' }, c.type)),
          el('td', { class: 'num' }, c.missing, bar),
          el('td', { class: 'num' }, c.distinct),
          el('td', { class: 'num' }, c.min),
          el('td', { class: 'num' }, c.max),
          el('td', { class: 'num' }, c.mean),
        );
      }),
    ),
  );

  const parts: Child[] = [el('h1', { title: view.path }, view.title), figures, refresh, el('h2', {}, 'Columns'), table];
  if (view.warnings.length > 0) {
    parts.push(el('h2', {}, 'Warnings'), el('ul', { class: 'warnings' }, ...view.warnings.map((w) => el('li', {}, w))));
    if (view.moreWarnings > 0) parts.push(el('p', { class: 'muted' }, `${view.moreWarnings} more not shown`));
  }
  root.replaceChildren(...parts);
}

/** Shows an error from the host. */
export function renderError(root: HTMLElement, message: string): void {
  root.replaceChildren(el('p', { class: 'error', role: 'alert' }, message));
}
