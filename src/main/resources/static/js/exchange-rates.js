// Draws a pair's buy and sell rates with Chart.js from the JSON the page carries in #rate-chart-data (the history
// page shown, oldest first). The history table beside it holds the same numbers; no inline script (CSP).
(function () {
  'use strict';

  function css(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function start() {
    var canvas = document.getElementById('chart-rates');
    var source = document.getElementById('rate-chart-data');
    if (!canvas || !source || !window.Chart) {
      return;
    }
    var data = JSON.parse(source.textContent);
    new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: data.at.map(function (at) { return at.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'); }),
        datasets: [
          { label: canvas.dataset.buyLabel, data: data.buy.map(Number), borderColor: css('--success-line'),
            backgroundColor: css('--success-line'), stepped: 'before' },
          { label: canvas.dataset.sellLabel, data: data.sell.map(Number), borderColor: css('--failure-line'),
            backgroundColor: css('--failure-line'), stepped: 'before' }
        ]
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: false } } }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
