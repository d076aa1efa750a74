// #/teams/{id} : one team's last 26 weeks, its people this week and who covers owner and strategic work.
import { mountAlerts } from './alerts.js';
import * as api from './api.js';
import { CLASSES, weeklyChart } from './charts.js';
import { openDrilldown } from './drilldown.js';
import { formatTime, h, percent, replace } from './dom.js';
import { countButton, legend, roleBadge, trendLabel, weekPicker } from './widgets.js';
import { addWeeks } from './weeks.js';

export async function renderTeam(view, { id, week, navigate }) {
  replace(view, h('p', { class: 'loading' }, 'Loading…'));
  const resolvedWeek = week ?? (await api.orgBalance()).week;
  const [history, people] = await Promise.all([
    api.teamBalance(id, addWeeks(resolvedWeek, -25), resolvedWeek),
    api.teamPeople(id, resolvedWeek),
  ]);
  const tz = history.timeZone;
  const context = { team: history.teamId, teamName: history.teamName, timeZone: tz };
  const current = history.weeks.at(-1) ?? { week: resolvedWeek, counts: {}, balance: null, comparison: { trend: 'insufficient-data' } };

  replace(view,
    h('nav', { class: 'crumbs no-print' }, h('a', { href: `#/?week=${resolvedWeek}` }, '← All teams')),
    h('header', { class: 'page-head' },
      h('h1', {}, history.teamName, ' ', h('span', { class: 'week', 'data-testid': 'current-week' }, resolvedWeek)),
      weekPicker(resolvedWeek, (chosen) => navigate(`/teams/${id}`, chosen))),
    h('section', { class: 'week-summary', 'data-testid': 'week-summary' },
      h('div', { class: 'big' }, h('span', { class: 'label' }, 'Balance'), h('strong', {}, percent(current.balance)), trendLabel(current.comparison.trend),
        current.comparison.previousMean !== null
          ? h('span', { class: 'muted' }, ` vs ${percent(current.comparison.previousMean)} over the previous ${current.comparison.weeksWithData} weeks`)
          : null),
      CLASSES.map((cls) => h('div', { class: 'big' }, h('span', { class: 'label' }, cls), countButton(current.counts[cls] ?? 0, { ...context, week: resolvedWeek, cls })))),
    h('section', {},
      h('h2', {}, 'Last 26 weeks'),
      legend(),
      h('figure', { class: 'chart' },
        weeklyChart(history.weeks, { onSelect: (cls, chosenWeek, count) => openDrilldown({ ...context, week: chosenWeek, cls, expected: count }) }),
        h('figcaption', { class: 'muted' }, 'Bars: activities per class (left axis). Line: balance (right axis); gaps are weeks without product work. Click a bar segment for its activities.')),
      weeksTable(history.weeks, context)),
    h('div', { class: 'columns' },
      h('section', {}, h('h2', {}, `People in ${resolvedWeek}`), people.hiddenReason
        ? h('p', { class: 'muted', 'data-testid': 'people-hidden' }, people.hiddenReason)
        : peopleTable(people.people, { ...context, week: resolvedWeek })),
      h('section', {}, h('h2', {}, 'Coverage'), people.hiddenReason
        ? h('p', { class: 'muted' }, 'Hidden with the people (see above).')
        : coverage(people.coverage, { ...context, week: resolvedWeek }))));
  mountAlerts(view, { team: history.teamId, timeZone: tz, before: '.week-summary' });
}

function weeksTable(weeks, context) {
  return h('details', { class: 'weeks-table' },
    h('summary', {}, 'The numbers behind the chart'),
    h('div', { class: 'table-wrap' },
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Week'), CLASSES.map((c) => h('th', { scope: 'col', class: 'num' }, c)), h('th', { scope: 'col', class: 'num' }, 'Balance'), h('th', { scope: 'col' }, 'Trend'))),
        h('tbody', {}, [...weeks].reverse().map((w) => h('tr', {},
          h('th', { scope: 'row' }, w.week),
          CLASSES.map((cls) => h('td', { class: 'num' }, countButton(w.counts[cls], { ...context, week: w.week, cls }))),
          h('td', { class: 'num' }, percent(w.balance)),
          h('td', {}, trendLabel(w.comparison.trend))))))));
}

function peopleTable(people, context) {
  if (!people.length) {
    return h('p', { class: 'muted' }, 'Nobody acted on this team’s backlog this week.');
  }
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'people', 'data-testid': 'people-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Person'), h('th', { scope: 'col' }, 'Inferred role'), CLASSES.map((c) => h('th', { scope: 'col', class: 'num' }, c)))),
      h('tbody', {}, people.map((person) => h('tr', { 'data-testid': 'person-row' },
        h('th', { scope: 'row' }, person.displayName),
        h('td', {}, roleBadge(person.role), h('ul', { class: 'reasons muted' }, person.reasons.map((r) => h('li', {}, r)))),
        CLASSES.map((cls) => h('td', { class: 'num' },
          countButton(person.counts[cls], { ...context, cls, actorId: person.personSourceId, actorName: person.displayName }))))))));
}

function coverage(cover, context) {
  const list = (title, cls, entries, lastAt) => h('div', { class: 'coverage-block' },
    h('h3', {}, title),
    h('p', { class: 'muted' }, `Last: ${formatTime(lastAt, context.timeZone)}`),
    entries.length
      ? h('ul', { class: 'coverage-list' }, entries.map((entry) => h('li', {},
        h('span', { class: 'who' }, entry.displayName), ' ',
        entry.count > 0
          ? countButton(entry.count, { ...context, cls, actorId: entry.personSourceId, actorName: entry.displayName })
          : h('span', { class: 'muted' }, '0'),
        h('span', { class: 'muted' }, ` · last ${formatTime(entry.lastAt, context.timeZone)}`))))
      : h('p', { class: 'badge warn' }, 'nobody'));
  const owner = cover.deFactoOwner;
  return h('div', { 'data-testid': 'coverage' },
    h('p', {},
      'De-facto owner: ', h('strong', {}, owner ? owner.displayName : 'nobody'),
      cover.designatedOwnerActive === false ? h('span', { class: 'badge warn' }, 'designated owner inactive') : null),
    list('Owner (tactical) work', 'tactical', cover.ownerWork ?? [], cover.lastOwnerWorkAt),
    list('Strategic work', 'strategic', cover.strategicWork ?? [], cover.lastStrategicWorkAt));
}
