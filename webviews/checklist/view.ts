import type { ChecklistItemModel } from '../../core/src/protocol/checklist';
import type { ChecklistPageMessage } from '../../core/src/protocol/webview';
import { STATUS_LABEL, type ChecklistView, type StageView } from './state';

type Child = Node | string;

/** Creates an element. Text is always set as text, never parsed as HTML. */
function el(tag: string, attributes: Record<string, string>, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

/** Renders the checklist into `root`; the team's actions go to `post`. */
export function renderChecklist(
  root: HTMLElement,
  view: ChecklistView,
  post: (message: ChecklistPageMessage) => void,
): void {
  const refresh = el('button', { type: 'button', 'data-action': 'refresh' }, 'Check again');
  refresh.addEventListener('click', () => post({ type: 'refresh' }));
  const header = el(
    'header',
    {},
    el('h1', {}, 'ML project checklist'),
    el('p', { class: 'muted', 'data-total': '' }, view.total, ' — from Machine Learning Engineering (A. Burkov). '),
    refresh,
  );
  const children: HTMLElement[] = [header];
  if (view.stateProblem)
    children.push(el('p', { class: 'error', role: 'alert', 'data-state-problem': '' }, view.stateProblem));
  children.push(...view.stages.map((stage) => renderStage(stage, post)));
  root.replaceChildren(...children);
}

function renderStage(view: StageView, post: (message: ChecklistPageMessage) => void): HTMLElement {
  const bar = el('span', { class: 'progress', 'aria-hidden': 'true' }, el('span', { class: 'fill' }));
  (bar.firstElementChild as HTMLElement).style.width = `${String(Math.round(view.share * 100))}%`;
  const summary = el(
    'summary',
    {},
    el('span', { class: 'stage-title' }, view.stage.title),
    el('span', { class: 'count', 'data-progress': '' }, view.progress),
    bar,
  );
  const next =
    view.next.length > 0
      ? el('p', { class: 'next' }, el('strong', {}, 'Next: '), view.next.map((item) => item.title).join('; '))
      : el('p', { class: 'next' }, 'Every item of this stage is complete or does not apply.');
  const details = el(
    'details',
    { 'data-stage': view.stage.id },
    summary,
    el('p', { class: 'muted' }, view.stage.summary),
    next,
    el('ul', { class: 'items' }, ...view.stage.items.map((item) => renderItem(item, post))),
  );
  if (view.expanded) details.setAttribute('open', '');
  return details;
}

function renderItem(item: ChecklistItemModel, post: (message: ChecklistPageMessage) => void): HTMLElement {
  const checkbox = el('input', { type: 'checkbox', 'aria-label': item.title }) as HTMLInputElement;
  checkbox.checked = item.status === 'done' || item.status === 'verified';
  // A verified item is ticked by its check; the team cannot untick what the files show.
  checkbox.disabled = item.status === 'verified' || item.status === 'not-applicable';
  checkbox.addEventListener('change', () =>
    post({ type: 'setStatus', itemId: item.id, status: checkbox.checked ? 'done' : 'open' }),
  );
  const badges = [
    item.required ? el('span', { class: 'badge' }, 'required') : undefined,
    item.fromBook
      ? item.chapter !== undefined
        ? el('span', { class: 'badge' }, `ch. ${String(item.chapter)}`)
        : undefined
      : el('span', { class: 'badge' }, 'not from the book'),
    item.check ? el('span', { class: 'badge' }, 'checked by mlguide') : undefined,
  ].filter((badge): badge is HTMLElement => badge !== undefined);
  const title = el(
    'label',
    { class: 'item-title' },
    checkbox,
    el('span', {}, item.title),
    el('span', { class: `status status-${item.status}`, 'data-status': item.status }, STATUS_LABEL[item.status]),
    ...badges,
  );
  const body: HTMLElement[] = [el('p', { class: 'why' }, item.why)];
  if (item.detail !== undefined) {
    body.push(el('p', { class: item.holds ? 'check pass' : 'check' }, item.holds ? '✓ ' : '… ', item.detail));
  }
  if (item.reason !== undefined) {
    body.push(
      el(
        'p',
        { class: item.status === 'no-longer-holds' ? 'error' : 'muted' },
        item.status === 'no-longer-holds' ? 'No longer holds: ' : 'Not applicable: ',
        item.reason,
      ),
    );
  }
  if (item.evidence.length > 0) {
    body.push(
      el(
        'p',
        { class: 'evidence' },
        'Evidence: ',
        ...item.evidence.map((link) => {
          const button = el('button', { type: 'button', class: 'link', 'data-evidence': link.path }, link.path);
          button.addEventListener('click', () => post({ type: 'openEvidence', uri: link.uri }));
          return button;
        }),
      ),
    );
  }
  body.push(renderEditors(item, post));
  return el('li', { 'data-item': item.id }, title, ...body);
}

/** Owner, note and "not applicable" controls: saved when the field is left or the button pressed. */
function renderEditors(item: ChecklistItemModel, post: (message: ChecklistPageMessage) => void): HTMLElement {
  const owner = el('input', {
    type: 'text',
    placeholder: 'owner',
    'aria-label': `Owner of ${item.title}`,
    maxlength: '200',
  }) as HTMLInputElement;
  owner.value = item.owner ?? '';
  owner.addEventListener('change', () => post({ type: 'setOwner', itemId: item.id, owner: owner.value.trim() }));
  const note = el('textarea', {
    rows: '2',
    placeholder: 'note',
    'aria-label': `Note on ${item.title}`,
    maxlength: '2000',
  }) as HTMLTextAreaElement;
  note.value = item.note ?? '';
  note.addEventListener('change', () => post({ type: 'setNote', itemId: item.id, note: note.value }));
  const reason = el('input', {
    type: 'text',
    placeholder: 'why it does not apply',
    'aria-label': `Why ${item.title} does not apply`,
    maxlength: '2000',
  }) as HTMLInputElement;
  const notApplicable = el(
    'button',
    { type: 'button', 'data-action': 'not-applicable' },
    item.status === 'not-applicable' ? 'Applies again' : 'Not applicable',
  );
  notApplicable.addEventListener('click', () => {
    if (item.status === 'not-applicable') {
      post({ type: 'setStatus', itemId: item.id, status: 'open' });
    } else if (reason.value.trim() === '') {
      reason.focus();
      reason.setAttribute('aria-invalid', 'true');
    } else {
      post({ type: 'setStatus', itemId: item.id, status: 'not-applicable', reason: reason.value.trim() });
    }
  });
  const controls = el('div', { class: 'editors' }, owner, note);
  if (item.status !== 'not-applicable') controls.append(reason);
  controls.append(notApplicable);
  return controls;
}

/** Shows an error instead of the checklist. */
export function renderError(root: HTMLElement, message: string): void {
  root.replaceChildren(el('p', { class: 'error', role: 'alert' }, message));
}
