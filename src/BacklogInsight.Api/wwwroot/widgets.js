// Small pieces shared by the pages: count buttons, the week picker, the legend, badges.
import { CLASSES } from './charts.js';
import { openDrilldown } from './drilldown.js';
import { h } from './dom.js';
import { addWeeks, isWeek } from './weeks.js';

/** A number that opens the activities behind it. */
export function countButton(count, { team, teamName, week, cls, actorId, actorName, timeZone }) {
  return h('button', {
    type: 'button',
    class: `count cls-${cls}`,
    'data-testid': 'count',
    'data-class': cls,
    'data-week': week,
    'data-team': team,
    'aria-label': `${count} ${cls} activities${actorName ? ` by ${actorName}` : ''} in ${week}: show them`,
    onclick: () => openDrilldown({ team, teamName, week, cls, expected: count, actorId, actorName, timeZone }),
  }, String(count));
}

export function legend() {
  return h('ul', { class: 'legend', 'aria-label': 'Colours' },
    CLASSES.map((cls) => h('li', {}, h('span', { class: `swatch cls-${cls}`, 'aria-hidden': 'true' }), cls)),
    h('li', {}, h('span', { class: 'swatch line', 'aria-hidden': 'true' }), 'balance = strategic ÷ (strategic + tactical)'));
}

/** Previous / ISO week input / next; onChange(week) on every choice. */
export function weekPicker(week, onChange) {
  const input = h('input', { type: 'week', value: week, 'aria-label': 'Week', 'data-testid': 'week-input' });
  input.addEventListener('change', () => {
    if (isWeek(input.value)) {
      onChange(input.value);
    }
  });
  return h('div', { class: 'week-picker no-print' },
    h('button', { type: 'button', 'data-testid': 'week-previous', 'aria-label': 'Previous week', onclick: () => onChange(addWeeks(week, -1)) }, '‹ Previous'),
    input,
    h('button', { type: 'button', 'data-testid': 'week-next', 'aria-label': 'Next week', onclick: () => onChange(addWeeks(week, 1)) }, 'Next ›'),
    h('button', { type: 'button', class: 'link', onclick: () => onChange(null) }, 'This week'));
}

const ATTENTION = {
  'no-owner-work-while-delivering': 'no owner work',
  'no-strategic-work': 'no strategic work',
  'thin-ownership': 'thin ownership',
  'falling-balance': 'falling balance',
};

export function attentionBadges(reasons) {
  if (!reasons.length) {
    return h('span', { class: 'badge ok' }, 'ok');
  }
  return reasons.map((reason) => h('span', { class: `badge warn reason-${reason}`, 'data-testid': 'attention' }, ATTENTION[reason] ?? reason.replaceAll('-', ' ')));
}

const ROLES = {
  'product-manager-like': 'PM-like',
  'product-owner-like': 'PO-like',
  'pm-like': 'PM-like',
  'po-like': 'PO-like',
  combined: 'PM + PO',
  contributor: 'contributor',
};

export const roleBadge = (role) => h('span', { class: `badge role role-${role}` }, ROLES[role] ?? role);

const TRENDS = { rising: '▲ rising', falling: '▼ falling', steady: '■ steady', 'insufficient-data': 'too few weeks' };

export const trendLabel = (trend) => h('span', { class: `trend trend-${trend}` }, TRENDS[trend] ?? trend);
