// Live countdown to the decision due time; the due instant and the words come from data attributes.
(function () {
  // two days or more in days and hours ("89 days 23 h"), less to the second
  function format(ms, days) {
    var total = Math.floor(Math.abs(ms) / 1000);
    var h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    if (days && h >= 48) {
      return days.replace('{0}', Math.floor(h / 24)).replace('{1}', h % 24);
    }
    return h + ' h ' + String(m).padStart(2, '0') + ' min ' + String(s).padStart(2, '0') + ' s';
  }
  function tick(el) {
    var left = Date.parse(el.dataset.due) - Date.now();
    var label = left >= 0 ? el.dataset.labelLeft : el.dataset.labelOverdue;
    el.textContent = label.replace('{0}', format(left, el.dataset.unitDays));
  }
  document.querySelectorAll('[data-countdown]').forEach(function (el) {
    tick(el);
    setInterval(function () { tick(el); }, 1000);
  });
})();

// Pre-check of a customer on the registration form: green / amber / red before the rest is typed.
(function () {
  var box = document.getElementById('precheck');
  if (!box) { return; }
  var button = document.getElementById('precheck-button');
  var result = document.getElementById('precheck-result');
  var form = document.getElementById('deal-form');
  button.addEventListener('click', function () {
    var body = new URLSearchParams();
    ['customerName', 'customerWebsite', 'customerCountry', '_csrf'].forEach(function (name) {
      var field = form.elements[name];
      body.append(name, field ? field.value : '');
    });
    button.disabled = true;
    fetch(box.dataset.url, { method: 'POST', body: body, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        result.className = 'precheck-' + answer.light;
        result.dataset.light = answer.light;
        result.textContent = answer.message;
      })
      .finally(function () { button.disabled = false; });
  });
})();

// Forms that undo something ask first; without JavaScript they simply submit.
(function () {
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); }
    });
  });
})();

// A form shown again with errors: focus moves to the summary that names and links each field (WCAG 3.3.1).
(function () {
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }
})();

// Each table cell carries its column's name (data-label), shown above it when a list becomes cards on a phone
// (dealreg.css, docs/accessibility.md).
(function () {
  document.querySelectorAll('main table').forEach(function (table) {
    var names = [];
    table.querySelectorAll('thead tr:last-child > th').forEach(function (th) {
      var span = parseInt(th.getAttribute('colspan') || '1', 10);
      for (var i = 0; i < span; i++) { names.push(th.textContent.trim().replace(/\s+/g, ' ')); }
    });
    table.querySelectorAll(':scope > tbody > tr, :scope > tfoot > tr').forEach(function (row) {
      var column = 0;
      Array.prototype.forEach.call(row.children, function (cell) {
        var name = names[column];
        if (name && !cell.hasAttribute('data-label') && !cell.hasAttribute('colspan')) { cell.setAttribute('data-label', name); }
        column += parseInt(cell.getAttribute('colspan') || '1', 10);
      });
    });
  });
})();
