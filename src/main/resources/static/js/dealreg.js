// Live countdown to the decision due time; the due instant and the words come from data attributes.
(function () {
  function format(ms) {
    var total = Math.floor(Math.abs(ms) / 1000);
    var h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    return h + ' h ' + String(m).padStart(2, '0') + ' min ' + String(s).padStart(2, '0') + ' s';
  }
  function tick(el) {
    var left = Date.parse(el.dataset.due) - Date.now();
    var label = left >= 0 ? el.dataset.labelLeft : el.dataset.labelOverdue;
    el.textContent = label.replace('{0}', format(left));
  }
  document.querySelectorAll('[data-countdown]').forEach(function (el) {
    tick(el);
    setInterval(function () { tick(el); }, 1000);
  });
})();
