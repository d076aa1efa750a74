// #/ : every team's balance in one week, teams needing attention first.
import { mountAlerts } from './alerts.js';
import * as api from './api.js';
import { CLASSES, sparkline } from './charts.js';
import { h, percent, replace } from './dom.js';
import { attentionBadges, countButton, legend, trendLabel, weekPicker } from './widgets.js';
import { addWeeks } from './weeks.js';

export async function renderOverview(view, { week, navigate }) {
  replace(view, h('p', { class: 'loading' }, 'Loading…'));
  const org = await api.orgBalance(week);
  const tz = org.timeZone;
  const rows = org.teams.map((team) => teamRow(team, org.week, tz));
  replace(view,
    h('header', { class: 'page-head' },
      h('h1', {}, 'Role balance ', h('span', { class: 'week', 'data-testid': 'current-week' }, org.week)),
      weekPicker(org.week, (chosen) => navigate('/', chosen))),
    h('p', { class: 'summary' },
      'Organisation: balance ', h('strong', {}, percent(org.balance)),
      ` · ${org.totals.total} activities (${CLASSES.map((c) => `${org.totals[c]} ${c}`).join(', ')}) · times in ${tz}`),
    legend(),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'teams', 'data-testid': 'teams-table' },
        h('caption', {}, 'Teams needing attention come first. Click a number to see the activities behind it.'),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, 'Team'),
          h('th', { scope: 'col', class: 'num' }, 'Balance'),
          h('th', { scope: 'col' }, 'Last 9 weeks'),
          CLASSES.map((c) => h('th', { scope: 'col', class: `num head-${c}` }, c)),
          h('th', { scope: 'col' }, 'Attention'),
          h('th', { scope: 'col' }, 'Owner work'),
          h('th', { scope: 'col' }, 'Strategy'),
          h('th', { scope: 'col', class: 'num' }, 'People'))),
        h('tbody', {}, rows.map((r) => r.row)))));
  mountAlerts(view, { timeZone: tz, before: '.table-wrap' });

  // Sparklines arrive after the table; a failure leaves a dash, not a broken page.
  await Promise.all(rows.map(async ({ team, spark }) => {
    try {
      const history = await api.teamBalance(team.teamId, addWeeks(org.week, -8), org.week);
      replace(spark, sparkline(history.weeks.map((w) => ({ week: w.week, balance: w.balance }))));
    } catch {
      replace(spark, '—');
    }
  }));
}

function teamRow(team, week, timeZone) {
  const spark = h('span', { class: 'spark-holder' }, '…');
  const context = { team: team.teamId, teamName: team.teamName, week, timeZone };
  const needsAttention = team.attention.length > 0;
  const row = h('tr', { 'data-testid': 'team-row', 'data-team': team.teamId, class: needsAttention ? 'attention' : null },
    h('th', { scope: 'row' }, h('a', { href: `#/teams/${encodeURIComponent(team.teamId)}?week=${week}`, 'data-testid': 'team-link' }, team.teamName)),
    h('td', { class: 'num balance', 'data-testid': 'balance' }, percent(team.balance)),
    h('td', { class: 'trend-cell' }, spark, ' ', trendLabel(team.comparison.trend)),
    CLASSES.map((cls) => h('td', { class: 'num' }, countButton(team.counts[cls], { ...context, cls }))),
    h('td', {}, attentionBadges(team.attention)),
    h('td', {}, team.peopleHiddenReason ? h('span', { class: 'muted', title: team.peopleHiddenReason }, 'hidden') : team.deFactoOwner ?? h('span', { class: 'muted' }, 'nobody')),
    h('td', {}, team.peopleHiddenReason ? h('span', { class: 'muted', title: team.peopleHiddenReason }, 'hidden') : team.leadStrategist ?? h('span', { class: 'muted' }, 'nobody')),
    h('td', { class: 'num' }, String(team.activePeople)));
  return { team, row, spark };
}

