// Draws the dashboard's charts with Chart.js from the JSON the page carries in #dashboard-data. The tables beside
// each chart hold the same numbers; without JavaScript the page still says everything. No inline script (CSP).
(function () {
  'use strict';

  function css(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (!canvas) {
      return;
    }
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
    new window.Chart(canvas, config);
  }

  function start() {
    var source = document.getElementById('dashboard-data');
    if (!source || !window.Chart) {
      return;
    }
    var data = JSON.parse(source.textContent);
    var labels = data.labels;
    var statuses = ['PENDING', 'SUCCESS', 'ERROR', 'REJECTED'];
    var colours = {
      PENDING: css('--pending-line'),
      SUCCESS: css('--success-line'),
      ERROR: css('--failure-line'),
      REJECTED: css('--rejected-line')
    };
    var types = Object.keys(data.counts.byType);
    var stacked = { x: { stacked: true }, y: { stacked: true, beginAtZero: true } };

    draw('chart-counts', {
      type: 'bar',
      data: {
        labels: types.map(function (t) { return t.replace(/_/g, ' '); }),
        datasets: statuses.map(function (s) {
          return {
            label: labels[s],
            backgroundColor: colours[s],
            data: types.map(function (t) { return data.counts.byType[t][s]; })
          };
        })
      },
      options: { scales: stacked }
    });

    var buckets = ['UNDER_1H', 'FROM_1H_TO_4H', 'FROM_4H_TO_24H', 'FROM_1D_TO_3D', 'OVER_3D'];
    draw('chart-backlog', {
      type: 'bar',
      data: {
        labels: buckets.map(function (b) { return labels[b]; }),
        datasets: [{
          label: labels.pending,
          backgroundColor: colours.PENDING,
          data: buckets.map(function (b) {
            return data.backlog.reduce(function (sum, row) { return sum + row.buckets[b]; }, 0);
          })
        }]
      },
      options: { scales: { y: { beginAtZero: true } } }
    });

    draw('chart-daily', {
      type: 'line',
      data: {
        labels: data.daily.map(function (d) { return d.day; }),
        datasets: [
          { label: labels.created, borderColor: css('--accent'), backgroundColor: css('--accent'),
            data: data.daily.map(function (d) { return d.created; }) },
          { label: labels.completed, borderColor: colours.SUCCESS, backgroundColor: colours.SUCCESS,
            data: data.daily.map(function (d) { return d.completed; }) }
        ]
      },
      options: { scales: { y: { beginAtZero: true } } }
    });

    // minutes while every stage is left within two hours, hours beyond
    var longest = data.stageTimes.reduce(function (max, s) { return Math.max(max, s.p90Seconds); }, 0);
    var unit = longest < 7200 ? 60 : 3600;
    var inUnit = function (seconds) { return Math.round(seconds / unit * 100) / 100; };
    draw('chart-stages', {
      type: 'bar',
      data: {
        labels: data.stageTimes.map(function (s) { return (s.type + ' · ' + s.stage).replace(/_/g, ' '); }),
        datasets: [
          { label: labels.median, backgroundColor: css('--accent'),
            data: data.stageTimes.map(function (s) { return inUnit(s.medianSeconds); }) },
          { label: labels.p90, backgroundColor: colours.PENDING,
            data: data.stageTimes.map(function (s) { return inUnit(s.p90Seconds); }) }
        ]
      },
      options: {
        indexAxis: 'y',
        scales: { x: { beginAtZero: true, title: { display: true, text: unit === 60 ? labels.minutes : labels.hours } } }
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
