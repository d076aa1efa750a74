// Inline SVG charts. Only numbers go into attributes; all words go in through textContent.

const SVG = 'http://www.w3.org/2000/svg';

export const CLASSES = ['strategic', 'tactical', 'delivery', 'other'];

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, String(value));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

const percent = (value) => (value === null || value === undefined ? 'n/a' : `${Math.round(value * 100)}%`);

/** A round step for a count axis: 1, 2, 5 × 10^n, giving about five gridlines. */
function niceStep(max) {
  const raw = Math.max(1, max) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((step) => step >= raw);
}

/**
 * Weekly stacked bars of the four classes (left axis: activities) with the balance line (right axis: 0–100%).
 * weeks: [{week, counts, balance}]; onSelect(cls, week, count) is called when a bar segment is chosen.
 */
export function weeklyChart(weeks, { onSelect } = {}) {
  const width = 960;
  const height = 320;
  const margin = { top: 16, right: 52, bottom: 56, left: 52 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const maxTotal = Math.max(1, ...weeks.map((w) => CLASSES.reduce((sum, c) => sum + w.counts[c], 0)));
  const step = niceStep(maxTotal);
  const top = Math.ceil(maxTotal / step) * step;
  const y = (value) => margin.top + plotHeight - (value / top) * plotHeight;
  const y2 = (share) => margin.top + plotHeight - share * plotHeight;
  const slot = plotWidth / Math.max(1, weeks.length);
  const barWidth = Math.max(4, slot * 0.7);

  const svg = el('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'weekly-chart',
    role: 'img',
    'data-testid': 'weekly-chart',
  });
  svg.append(el('title', {}, 'Activities per week by class, with the balance (strategic ÷ product work) as a line'));

  for (let value = 0; value <= top; value += step) {
    svg.append(el('line', { x1: margin.left, x2: width - margin.right, y1: y(value), y2: y(value), class: 'grid' }));
    svg.append(el('text', { x: margin.left - 6, y: y(value) + 4, class: 'axis', 'text-anchor': 'end' }, String(value)));
  }
  for (const share of [0, 0.25, 0.5, 0.75, 1]) {
    svg.append(el('text', { x: width - margin.right + 6, y: y2(share) + 4, class: 'axis' }, percent(share)));
  }
  svg.append(el('text', { x: 12, y: margin.top + plotHeight / 2, class: 'axis-title', transform: `rotate(-90 12 ${margin.top + plotHeight / 2})`, 'text-anchor': 'middle' }, 'activities'));
  svg.append(el('text', { x: width - 8, y: margin.top + plotHeight / 2, class: 'axis-title', transform: `rotate(90 ${width - 8} ${margin.top + plotHeight / 2})`, 'text-anchor': 'middle' }, 'balance'));

  weeks.forEach((week, index) => {
    const x = margin.left + index * slot + (slot - barWidth) / 2;
    let base = 0;
    for (const cls of CLASSES) {
      const count = week.counts[cls];
      const rect = el('rect', {
        x,
        y: y(base + count),
        width: barWidth,
        height: y(base) - y(base + count),
        class: `bar cls-${cls}`,
        'data-class': cls,
        'data-week': week.week,
        'data-count': count,
      });
      rect.append(el('title', {}, `${week.week} · ${cls}: ${count}`));
      if (onSelect && count > 0) {
        rect.setAttribute('tabindex', '0');
        rect.setAttribute('role', 'button');
        rect.setAttribute('aria-label', `${week.week} ${cls}: ${count} activities`);
        rect.addEventListener('click', () => onSelect(cls, week.week, count));
        rect.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            onSelect(cls, week.week, count);
          }
        });
      }
      svg.append(rect);
      base += count;
    }
    if (index % Math.ceil(weeks.length / 13) === 0 || index === weeks.length - 1) {
      const labelX = x + barWidth / 2;
      const labelY = height - margin.bottom + 14;
      svg.append(el('text', { x: labelX, y: labelY, class: 'axis', 'text-anchor': 'end', transform: `rotate(-40 ${labelX} ${labelY})` }, week.week.replace(/^\d{4}-/, '')));
    }
  });

  // The balance line, broken where a week had no product work.
  let path = '';
  let pen = 'M';
  weeks.forEach((week, index) => {
    if (week.balance === null || week.balance === undefined) {
      pen = 'M';
      return;
    }
    const cx = margin.left + index * slot + slot / 2;
    path += `${pen}${cx.toFixed(1)},${y2(week.balance).toFixed(1)} `;
    pen = 'L';
  });
  if (path) {
    svg.append(el('path', { d: path.trim(), class: 'balance-line' }));
  }
  weeks.forEach((week, index) => {
    if (week.balance === null || week.balance === undefined) {
      return;
    }
    const dot = el('circle', { cx: margin.left + index * slot + slot / 2, cy: y2(week.balance), r: 3.5, class: 'balance-dot' });
    dot.append(el('title', {}, `${week.week} · balance ${percent(week.balance)}`));
    svg.append(dot);
  });
  return svg;
}

/** A small line of balance values (0–1, null = no product work) over weeks, newest last. */
export function sparkline(points) {
  const width = 110;
  const height = 28;
  const pad = 3;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'sparkline', role: 'img', 'data-testid': 'sparkline' });
  const described = points.map((p) => `${p.week} ${percent(p.balance)}`).join(', ');
  svg.append(el('title', {}, `Balance, last ${points.length} weeks: ${described}`));
  svg.append(el('line', { x1: pad, x2: width - pad, y1: height - pad, y2: height - pad, class: 'spark-base' }));
  const x = (index) => pad + (index * (width - 2 * pad)) / Math.max(1, points.length - 1);
  const y = (value) => height - pad - value * (height - 2 * pad);
  let path = '';
  let pen = 'M';
  points.forEach((point, index) => {
    if (point.balance === null || point.balance === undefined) {
      pen = 'M';
      return;
    }
    path += `${pen}${x(index).toFixed(1)},${y(point.balance).toFixed(1)} `;
    pen = 'L';
  });
  if (path) {
    svg.append(el('path', { d: path.trim(), class: 'spark-line' }));
  }
  const last = points.at(-1);
  if (last && last.balance !== null && last.balance !== undefined) {
    svg.append(el('circle', { cx: x(points.length - 1), cy: y(last.balance), r: 2.5, class: 'spark-dot' }));
  }
  return svg;
}
