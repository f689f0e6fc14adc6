// Draws each dashboard chart (an element with data-chart inside the element whose data-figures holds the page's
// figures as JSON, the document /dashboard.json answers) with ECharts served by the portal itself. The page computed
// the figures once; the table beside each chart holds the same ones for screen readers.
(function () {
  var holder = document.querySelector('[data-figures]');
  if (!holder || !window.echarts) { return; }
  var dashboard;
  try {
    dashboard = JSON.parse(holder.dataset.figures);
  } catch (e) {
    holder.querySelectorAll('[data-chart]').forEach(function (box) { box.dataset.drawn = 'failed'; });
    return;
  }
  function option(chart, narrow) {
    var legend = { type: 'scroll', bottom: 0 };
    var tooltip = { trigger: chart.type === 'pie' ? 'item' : 'axis', confine: true };
    if (chart.type === 'pie') {
      return {
        tooltip: tooltip, legend: legend, animation: false,
        series: [{ type: 'pie', name: chart.series[0].name, radius: narrow ? '55%' : '65%',
          data: chart.categories.map(function (name, i) { return { name: name, value: chart.series[0].values[i] }; }) }]
      };
    }
    var many = chart.categories.length > (narrow ? 4 : 8);
    return {
      tooltip: tooltip, legend: legend, animation: false,
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: chart.categories,
        axisLabel: { rotate: many ? 40 : 0, hideOverlap: true, width: narrow ? 70 : 110, overflow: 'truncate' } },
      yAxis: { type: 'value' },
      series: chart.series.map(function (s) {
        return { name: s.name, type: chart.type === 'line' ? 'line' : 'bar', data: s.values,
          stack: chart.type === 'stacked' ? 'all' : undefined };
      })
    };
  }
  holder.querySelectorAll('[data-chart]').forEach(function (box) {
    var chart = dashboard.charts.filter(function (c) { return c.key === box.dataset.chart; })[0];
    if (!chart) { return; }
    var drawn = echarts.init(box, null, { renderer: 'canvas' });
    drawn.setOption(option(chart, box.clientWidth < 420));
    box.dataset.drawn = 'true';
    window.addEventListener('resize', function () { drawn.resize(); });
  });
})();
