// Open alerts: a panel on the overview (every team) and on a team page (that team), with their evidence.
import * as api from './api.js';
import { formatTime, h, replace } from './dom.js';

/** Appends a panel to `view` that fills itself; a failure leaves a short note, never a broken page. */
export function mountAlerts(view, { team, timeZone, before } = {}) {
  const panel = h('section', { class: 'alerts', 'data-testid': 'alerts-panel' }, h('p', { class: 'loading' }, 'Loading alerts…'));
  const anchor = before ? view.querySelector(before) : null;
  if (anchor) {
    view.insertBefore(panel, anchor);
  } else {
    view.append(panel);
  }
  fill(panel, { team, timeZone });
  return panel;
}

async function fill(panel, { team, timeZone }) {
  try {
    const page = await api.activeAlerts(team);
    const alerts = page.items;
    replace(panel,
      h('h2', {}, alerts.length === 0 ? 'No open alerts' : `Open alerts (${alerts.length})`),
      alerts.length === 0 ? null : h('ul', { class: 'alert-list' }, alerts.map((a) => alertItem(a, { showTeam: !team, timeZone, refresh: () => fill(panel, { team, timeZone }) }))));
  } catch (error) {
    replace(panel, h('p', { class: 'muted' }, `Alerts could not be loaded: ${error.message}`));
  }
}

function alertItem(alert, { showTeam, timeZone, refresh }) {
  const acknowledge = h('button', {
    type: 'button',
    class: 'no-print',
    onclick: async () => {
      const by = window.prompt('Acknowledged by (your name or e-mail):');
      if (!by) {
        return;
      }
      await api.acknowledgeAlert(alert.id, by);
      refresh();
    },
  }, 'Acknowledge');
  return h('li', { class: `alert alert-${alert.severity}`, 'data-testid': 'alert', 'data-rule': alert.ruleId },
    h('div', { class: 'alert-head' },
      h('span', { class: `badge severity-${alert.severity}` }, alert.severity),
      ' ',
      h('strong', {}, alert.ruleTitle),
      showTeam && alert.teamName ? [' · ', h('a', { href: `#/teams/${encodeURIComponent(alert.teamId)}` }, alert.teamName)] : null,
      h('span', { class: 'muted' }, ` · open since ${formatTime(alert.openedAt, timeZone)}`),
      alert.state === 'acknowledged'
        ? h('span', { class: 'muted' }, ` · acknowledged by ${alert.acknowledgedBy}`)
        : [' ', acknowledge]),
    h('p', {}, alert.summary),
    h('details', {},
      h('summary', {}, 'Evidence'),
      h('ul', { class: 'evidence' }, alert.evidence.map((line) => h('li', {}, line)))));
}
