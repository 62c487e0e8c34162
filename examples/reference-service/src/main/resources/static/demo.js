(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var result = document.getElementById('result');
    document.querySelectorAll('button[data-action]').forEach(function (button) {
      button.addEventListener('click', function () {
        var id = encodeURIComponent(document.getElementById('connection').value.trim());
        var action = button.dataset.action;
        var path = action === 'dead' ? '/demo/steps/dead' : '/demo/connections/' + id + '/' + action;
        fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
          .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
          .then(function (r) {
            result.textContent = r.ok ? JSON.stringify(r.body)
              : r.body.title + ' (' + (r.body.reason || r.body.code) + ', correlation id ' + r.body.correlationId + ')';
          }, function () { result.textContent = 'The service cannot be reached.'; });
      });
    });
  });
}());
