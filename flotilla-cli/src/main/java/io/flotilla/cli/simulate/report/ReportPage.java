package io.flotilla.cli.simulate.report;

/** The report page's own style and scripts, inlined by {@link HtmlReport}. */
final class ReportPage {
  private ReportPage() {}

  /**
   * Marks the page failed on any script error or refused fetch; the first script of the page. The
   * main script marks it {@code ok} only if nothing was marked before.
   */
  static final String ERROR_HANDLER =
      """
      (function () {
        var root = document.documentElement;
        function fail(what) { root.setAttribute('data-report', 'error: ' + what); }
        window.addEventListener('error', function (e) {
          fail((e.message || 'error') + ' at ' + (e.lineno || '?') + ':' + (e.colno || '?'));
        });
        window.addEventListener('unhandledrejection', function (e) { fail('rejection: ' + e.reason); });
        document.addEventListener('securitypolicyviolation', function (e) {
          fail('blocked ' + e.violatedDirective + ' ' + e.blockedURI);
        });
      })();
      """;

  static final String CSS =
      """
      :root { color-scheme: light; }
      body { margin: 0 auto; padding: 16px 24px 48px; max-width: 1400px; color: #1d1d1f;
        background: #fff; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto,
        "Helvetica Neue", Arial, sans-serif; }
      h1 { font-size: 22px; margin: 4px 0 2px; }
      h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #ddd; }
      h3 { font-size: 14px; margin: 0 0 4px; font-weight: 600; }
      .meta { color: #555; margin: 0; }
      .note, .hint { color: #666; }
      .hint { font-size: 12px; margin: 0 0 4px; }
      table.figures { border-collapse: collapse; min-width: 480px; }
      table.figures th, table.figures td { padding: 3px 14px 3px 8px; border-bottom: 1px solid #eee;
        text-align: left; white-space: nowrap; }
      table.figures thead th { border-bottom: 2px solid #ccc; font-weight: 600; }
      table.figures tbody th { font-weight: normal; color: #333; }
      table.figures tbody tr:nth-child(even) { background: #fafafa; }
      table.figures tr.group th { font-weight: 600; }
      table.figures th.d1 { padding-left: 26px; }
      table.figures th.d2 { padding-left: 44px; }
      table.figures th.d3 { padding-left: 62px; }
      .num { text-align: right !important; font-variant-numeric: tabular-nums; }
      .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px;
        margin-right: 6px; vertical-align: baseline; }
      .legend-markers { display: flex; gap: 18px; flex-wrap: wrap; color: #444; margin: 0 0 10px; }
      .legend-markers i { display: inline-block; width: 0; height: 12px; border-left: 2px solid;
        margin-right: 6px; vertical-align: middle; }
      .grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 14px 20px; }
      .grid.one { grid-template-columns: minmax(0, 1fr); }
      .card { border: 1px solid #e3e3e3; border-radius: 6px; padding: 10px 12px 4px; min-width: 0; }
      .plot { width: 100%; }
      .uplot .u-legend { font-size: 12px; text-align: left; }
      .uplot .u-legend .u-marker { width: 10px; height: 10px; }
      details { margin: 10px 0 0; color: #333; }
      details table { border-collapse: collapse; font-size: 12px; margin-top: 6px; }
      details td { padding: 1px 12px 1px 0; vertical-align: top; }
      """;

  /** Reads the JSON data and draws every chart; see {@link HtmlReport} for the status it sets. */
  static final String SCRIPT =
      """
      (function () {
        'use strict';
        var root = document.documentElement;
        var report = JSON.parse(document.getElementById('report-data').textContent);
        var palette = report.palette;
        var markerColors = report.markerColors;
        var container = document.getElementById('charts');
        var charts = [];
        var expected = 0;
        var drawn = 0;

        function el(tag, cls, parent) {
          var e = document.createElement(tag);
          if (cls) e.className = cls;
          if (parent) parent.appendChild(e);
          return e;
        }
        // Names and labels only ever reach the page as text, never as markup.
        function text(e, s) { e.textContent = s; return e; }
        function markerColor(kind) { return markerColors[kind] || markerColors.other; }
        function rgb(hex) {
          var n = parseInt(hex.slice(1), 16);
          return [n >> 16, (n >> 8) & 255, n & 255];
        }
        function lighter(c, w) {
          return 'rgb(' + c.map(function (v) { return Math.round(v + (255 - v) * w); }).join(',') + ')';
        }
        function num(v, digits) {
          return v == null ? '--' : v.toLocaleString('en-US', {maximumFractionDigits: digits});
        }
        function finish() {
          if (root.getAttribute('data-report') !== 'pending') return;
          root.setAttribute('data-charts', String(expected));
          root.setAttribute('data-report', drawn === expected ? 'ok' : 'error: drew ' + drawn + ' of ' + expected + ' charts');
        }

        var strategies = report.strategies.filter(function (s) { return s.t.length > 0; });
        text(el('h2', null, container), 'Over time');
        if (strategies.length === 0) {
          text(el('p', 'note', container), 'No timeline was recorded.');
          setTimeout(finish, 0);
          return;
        }

        var span = 0;
        strategies.forEach(function (s) { span = Math.max(span, s.t[s.t.length - 1]); });
        var unit = span <= 3 * 3600 ? {div: 60, name: 'minutes'}
          : span <= 72 * 3600 ? {div: 3600, name: 'hours'} : {div: 86400, name: 'days'};
        var xMax = span > 0 ? span / unit.div : 1;

        // Node keys are "arch/capacity type": one hue per arch, lighter per capacity type, the
        // same in every strategy.
        var archs = [], caps = [];
        strategies.forEach(function (s) {
          s.nodeKeys.forEach(function (k) {
            var cut = k.indexOf('/');
            var a = cut < 0 ? k : k.slice(0, cut), c = cut < 0 ? '' : k.slice(cut + 1);
            if (archs.indexOf(a) < 0) archs.push(a);
            if (caps.indexOf(c) < 0) caps.push(c);
          });
        });
        archs.sort(); caps.sort();
        var archHues = ['#1f5f99', '#2e7d32', '#6a3d9a', '#8c564b', '#00838f', '#ad1457'];
        function keyColor(k) {
          var cut = k.indexOf('/');
          var a = cut < 0 ? k : k.slice(0, cut), c = cut < 0 ? '' : k.slice(cut + 1);
          var base = rgb(archHues[archs.indexOf(a) % archHues.length]);
          return lighter(base, Math.min(0.7, caps.indexOf(c) * 0.4));
        }

        strategies.forEach(function (s) {
          s.color = palette[s.index % palette.length];
          s.x = s.t.map(function (t) { return t / unit.div; });
          s.total = s.t.map(function (_, j) {
            var sum = 0;
            s.nodes.forEach(function (col) { sum += col[j]; });
            return sum;
          });
          s.hasFlink = [s.tm, s.input, s.lag].some(function (a) {
            return a.some(function (v) { return v !== 0; });
          });
        });
        var anyFlink = strategies.some(function (s) { return s.hasFlink; });
        var stepped = uPlot.paths.stepped({align: 1});

        // Vertical lines where something happened: on a strategy's own charts, full height for
        // interruptions and faults and a tick along the top for routine decisions (a day can hold
        // hundreds); on a chart of all strategies, a short tick per strategy in its own lane.
        function markerPlugin(lanes, full) {
          return {hooks: {draw: [function (u) {
            var ctx = u.ctx, b = u.bbox, dpr = window.devicePixelRatio || 1, lane = 7 * dpr;
            ctx.save();
            ctx.lineWidth = (full ? 1.25 : 2) * dpr;
            lanes.forEach(function (marks, li) {
              marks.forEach(function (m) {
                var px = Math.round(u.valToPos(m.t / unit.div, 'x', true)) + 0.5;
                if (px < b.left || px > b.left + b.width) return;
                var tall = full && (m.kind === 'interruption' || m.kind === 'fault');
                ctx.strokeStyle = markerColor(m.kind);
                ctx.globalAlpha = tall ? 0.7 : 0.9;
                var y0 = full ? b.top : b.top + li * lane;
                ctx.beginPath();
                ctx.moveTo(px, y0);
                ctx.lineTo(px, tall ? b.top + b.height : y0 + lane - dpr);
                ctx.stroke();
              });
            });
            ctx.restore();
          }]}};
        }

        function chart(parent, title, hint, series, axes, data, plugin) {
          var card = el('div', 'card', parent);
          text(el('h3', null, card), title);
          if (hint) text(el('p', 'hint', card), hint);
          var holder = el('div', 'plot', card);
          var counted = false;
          expected++;
          var opts = {
            width: Math.max(holder.clientWidth, 300),
            height: 240,
            series: [{label: unit.name, value: function (u, v) { return v == null ? '--' : num(v, 2); }}]
              .concat(series),
            axes: [{label: unit.name + ' since start', labelSize: 20, size: 36}].concat(axes),
            scales: scales(axes),
            cursor: {sync: {key: 'flotilla'}, drag: {x: false, y: false}},
            // Counted by the last draw hook, which runs only if every one before it returned.
            plugins: (plugin ? [plugin] : []).concat([{hooks: {draw: [function () {
              if (!counted) { counted = true; drawn++; }
            }]}}])
          };
          charts.push({u: new uPlot(opts, data, holder), holder: holder});
        }

        // Every quantity here counts up from 0 (and a stacked chart must), so the y axes do too;
        // x is the same span on every chart, so that they line up and the cursor syncs.
        function scales(axes) {
          var s = {x: {time: false, range: [0, xMax]}};
          axes.forEach(function (a) {
            s[a.scale] = {range: function (u, min, max) { return [0, max > 0 ? max * 1.08 : 1]; }};
          });
          return s;
        }
        // Counts (nodes, pods, TaskManagers) get whole-number ticks only.
        var wholeSteps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000];
        function yAxis(label, scale, side, fmt, whole) {
          var axis = {label: label, labelSize: 20, size: 58, scale: scale || 'y'};
          if (whole) axis.incrs = wholeSteps;
          if (side) { axis.side = side; axis.grid = {show: false}; }
          if (fmt) axis.values = function (u, vals) { return vals.map(fmt); };
          return axis;
        }
        function perStrategy(field, digits) {
          return {
            series: strategies.map(function (s) {
              return {label: s.name, stroke: s.color, width: 1.5, spanGaps: true, paths: stepped,
                value: function (u, v) { return num(v, digits); }};
            }),
            data: uPlot.join(strategies.map(function (s) { return [s.x, s[field]]; }))
          };
        }
        function dollars(v) { return v == null ? '' : '$' + num(v, 2); }
        var allLanes = strategies.map(function (s) { return s.markers; });

        // Marker legend, from the kinds that occur.
        var kinds = [];
        strategies.forEach(function (s) {
          s.markers.forEach(function (m) { if (kinds.indexOf(m.kind) < 0) kinds.push(m.kind); });
        });
        if (kinds.length > 0) {
          var legend = el('p', 'legend-markers', container);
          kinds.sort().forEach(function (k) {
            var item = el('span', null, legend);
            var line = el('i', null, item);
            line.style.borderColor = markerColor(k);
            item.appendChild(document.createTextNode(k));
          });
          text(el('span', 'note', legend),
            'Charts of all strategies show these as ticks along the top, one row per strategy;'
              + ' the charts of one strategy draw interruptions and faults full height, the rest'
              + ' as ticks along the top.');
        }

        // All strategies on one chart each.
        var overlays = el('div', 'grid', container);
        var cost = perStrategy('cost', 2);
        chart(overlays, 'Cost rate ($/h), all strategies', null, cost.series,
          [yAxis('$/h', null, 0, dollars)], cost.data, markerPlugin(allLanes, false));
        var total = perStrategy('total', 0);
        chart(overlays, 'Nodes, all strategies', null, total.series,
          [yAxis('nodes', null, 0, null, true)], total.data, markerPlugin(allLanes, false));
        var pending = perStrategy('pending', 0);
        chart(overlays, 'Pending pods, all strategies', null, pending.series,
          [yAxis('pods', null, 0, null, true)], pending.data, markerPlugin(allLanes, false));
        if (anyFlink) {
          var lag = perStrategy('lag', 1);
          chart(overlays, 'Flink consumer lag (s), all strategies', null, lag.series,
            [yAxis('seconds')], lag.data, markerPlugin(allLanes, false));
        }

        // Each strategy on its own.
        strategies.forEach(function (s) {
          var h = el('h2', null, container);
          el('span', 'swatch sw-' + (s.index % palette.length), h);
          h.appendChild(document.createTextNode(s.name));
          var grid = el('div', s.hasFlink ? 'grid' : 'grid one', container);
          var lanes = [s.markers];

          // Stacked: each series is the running sum up to its key, drawn top first so the lower
          // ones paint over it; the legend shows the key's own count.
          var sums = [], acc = s.t.map(function () { return 0; });
          s.nodes.forEach(function (col) {
            acc = acc.map(function (v, j) { return v + col[j]; });
            sums.push(acc);
          });
          var nodeSeries = [], nodeData = [s.x];
          for (var k = s.nodeKeys.length - 1; k >= 0; k--) {
            (function (k) {
              var color = keyColor(s.nodeKeys[k]);
              nodeSeries.push({label: s.nodeKeys[k], stroke: color, fill: color, width: 1,
                paths: stepped, value: function (u, v, si, idx) {
                  return idx == null ? '--' : num(s.nodes[k][idx], 0);
                }});
              nodeData.push(sums[k]);
            })(k);
          }
          chart(grid, 'Nodes by arch / capacity type', 'stacked; the top edge is the total',
            nodeSeries, [yAxis('nodes', null, 0, null, true)], nodeData, markerPlugin(lanes, true));

          if (s.hasFlink) {
            chart(grid, 'Flink: TaskManagers and input rate', null, [
              {label: 'TaskManagers', stroke: '#333333', width: 2, paths: stepped, scale: 'tm',
                value: function (u, v) { return num(v, 0); }},
              {label: 'input (records/s)', stroke: s.color, width: 1.25, scale: 'rate',
                value: function (u, v) { return num(v, 0); }}
            ], [yAxis('TaskManagers', 'tm', 0, null, true), yAxis('records/s', 'rate', 1)],
              [s.x, s.tm, s.input], markerPlugin(lanes, true));
          }

          if (s.markers.length > 0) {
            var details = el('details', null, container);
            text(el('summary', null, details), s.markers.length + ' markers');
            var table = el('table', null, details);
            s.markers.slice(0, 1000).forEach(function (m) {
              var tr = el('tr', null, table);
              text(el('td', 'num', tr), num(m.t / unit.div, 2) + ' ' + unit.name);
              text(el('td', null, tr), m.kind);
              text(el('td', null, tr), m.label);
            });
          }
        });

        window.addEventListener('resize', function () {
          charts.forEach(function (c) { c.u.setSize({width: Math.max(c.holder.clientWidth, 300), height: 240}); });
        });
        // uPlot draws in a microtask after construction; a timer runs after all of them.
        setTimeout(finish, 0);
      })();
      """;
}
