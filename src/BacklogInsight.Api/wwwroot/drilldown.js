// The panel that lists the activities behind a number, a page at a time.
import * as api from './api.js';
import { h, replace, formatTime } from './dom.js';

const PAGE = 100;
const panel = () => document.getElementById('drilldown');

export function closeDrilldown() {
  const node = panel();
  node.hidden = true;
  replace(node);
}

/**
 * Opens the panel for the activities of one team, week and class; with actorId, only that person's.
 * expected is the number that was clicked, shown so a reader can compare.
 */
export async function openDrilldown({ team, teamName, week, cls, expected, actorId, actorName, timeZone }) {
  const node = panel();
  const rows = h('tbody');
  const status = h('p', { class: 'drill-status', 'data-testid': 'drilldown-status', 'aria-live': 'polite' }, 'Loading…');
  const more = h('button', { type: 'button', class: 'more', 'data-testid': 'drilldown-more', hidden: true }, 'More');
  const who = actorName ? ` by ${actorName}` : '';
  replace(
    node,
    h('div', { class: 'drill-head' },
      h('h2', { id: 'drilldown-title' }, `${teamName ?? `Team ${team}`} · ${week} · `, h('span', { class: `chip cls-${cls}` }, cls), who),
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close the activity list', onclick: closeDrilldown }, '×')),
    h('p', { class: 'drill-expected' }, `${expected} ${expected === 1 ? 'activity' : 'activities'} counted.`),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'activities' },
        h('thead', {}, h('tr', {}, h('th', {}, 'When'), h('th', {}, 'Class'), h('th', {}, 'Who'), h('th', {}, 'Item'), h('th', {}, 'What'), h('th', {}, 'Why'))),
        rows)),
    status,
    more);
  node.hidden = false;
  node.setAttribute('aria-labelledby', 'drilldown-title');
  node.scrollIntoView({ block: 'nearest' });
  node.focus({ preventScroll: true });

  let cursor;
  let shown = 0;
  const load = async () => {
    more.hidden = true;
    status.textContent = 'Loading…';
    try {
      // With a person filter a server page may hold few of theirs: read on until a page's worth or the end.
      let added = 0;
      do {
        const page = await api.activities({ team, week, cls, cursor, limit: PAGE });
        const items = actorId ? page.items.filter((a) => a.actor?.sourceId === actorId) : page.items;
        for (const activity of items) {
          rows.append(activityRow(activity, timeZone));
        }
        added += items.length;
        cursor = page.nextCursor;
      } while (cursor && actorId && added < PAGE);
      shown += added;
      status.textContent = cursor ? `${shown} shown; more available.` : `${shown} shown, all of them.`;
      more.hidden = !cursor;
    } catch (error) {
      status.textContent = `Could not load activities: ${error.message}`;
      more.hidden = !cursor;
    }
  };
  more.addEventListener('click', load);
  await load();
}

function activityRow(activity, timeZone) {
  const item = activity.workItem ?? {};
  const classification = activity.classification ?? {};
  const link = item.url && /^https?:\/\//i.test(item.url)
    ? h('a', { href: item.url, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'item-link' }, item.key ?? item.url)
    : h('span', {}, item.key ?? '—');
  return h('tr', { 'data-testid': 'activity-row', 'data-class': classification.class },
    h('td', { class: 'nowrap' }, h('time', { datetime: activity.occurredAt }, formatTime(activity.occurredAt, timeZone))),
    h('td', {}, h('span', { class: `chip cls-${classification.class}` }, classification.class ?? '—'),
      classification.confidence !== undefined ? h('span', { class: 'muted' }, ` ${Math.round(classification.confidence * 100)}%`) : null),
    h('td', {}, activity.actorHiddenReason ? h('span', { class: 'muted', title: activity.actorHiddenReason }, 'hidden') : activity.actor?.displayName ?? '—'),
    h('td', {}, link, h('div', { class: 'muted item-title' }, item.title ?? '')),
    h('td', {}, describe(activity)),
    h('td', { 'data-testid': 'reasons' },
      h('ul', { class: 'reasons' }, (classification.reasons ?? []).map((reason) => h('li', {}, reason))),
      classification.ruleId ? h('div', { class: 'muted rule' }, classification.ruleId) : null));
}

function describe(activity) {
  const parts = [activity.kind];
  const field = activity.sourceField ?? (activity.field && activity.field !== 'other' ? activity.field : null);
  if (field) {
    parts.push(field);
  }
  const change = activity.from || activity.to ? `${activity.from ?? '∅'} → ${activity.to ?? '∅'}` : null;
  return h('div', {},
    h('div', {}, parts.join(' · ')),
    change ? h('div', { class: 'muted' }, change) : null,
    activity.text ? h('div', { class: 'muted quote' }, activity.text.length > 240 ? `${activity.text.slice(0, 240)}…` : activity.text) : null);
}
