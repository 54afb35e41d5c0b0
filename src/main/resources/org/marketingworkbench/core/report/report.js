/* Marketing Workbench report: draws each chart from its Tablesaw figure plus the report's extras.
 * With ?mwb-check=1 in the address, script errors and failed charts are written to the <html> element's
 * data-mwb-errors attribute and the count of drawn charts to data-mwb-rendered, for the automatic browser check. */
(function () {
  'use strict';
  var check = /[?&]mwb-check=1(&|$)/.test(window.location.search);
  var root = document.documentElement;
  var mwb = window.mwb = { extras: {}, rendered: 0, errors: [] };

  function record(message) {
    mwb.errors.push(String(message));
    if (check) {
      root.setAttribute('data-mwb-errors', mwb.errors.join(' | '));
    }
  }

  if (check) {
    root.setAttribute('data-mwb-errors', '');
    root.setAttribute('data-mwb-rendered', '0');
    window.addEventListener('error', function (e) {
      record((e.message || 'script error') + ' (' + (e.filename || 'page') + ':' + (e.lineno || 0) + ')');
    });
    window.addEventListener('unhandledrejection', function (e) {
      record('unhandled rejection: ' + (e.reason && e.reason.message ? e.reason.message : e.reason));
    });
    var consoleError = console.error;
    console.error = function () {
      record('console.error: ' + Array.prototype.join.call(arguments, ' '));
      return consoleError.apply(console, arguments);
    };
  }

  function isPlain(o) {
    return o !== null && typeof o === 'object' && !Array.isArray(o);
  }

  function merge(target, source) {
    Object.keys(source).forEach(function (key) {
      if (key === 'title' && typeof target[key] === 'string' && isPlain(source[key])) {
        target[key] = merge({ text: target[key] }, source[key]);   // Tablesaw writes titles as plain strings
      } else if (isPlain(source[key]) && isPlain(target[key])) {
        merge(target[key], source[key]);
      } else {
        target[key] = source[key];
      }
    });
    return target;
  }

  mwb.plot = function (target, data, layout) {
    var id = target.id;
    var extras = mwb.extras[id] || {};
    merge(layout, extras.layout || {});
    (extras.traces || []).forEach(function (traceExtras, i) {
      if (data[i] && traceExtras) {
        merge(data[i], traceExtras);
      }
    });
    var config = {
      displaylogo: false,
      responsive: false,
      displayModeBar: 'hover',
      modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d', 'toggleSpikelines'],
      toImageButtonOptions: { filename: target.getAttribute('data-mwb-item') || id, scale: 2 }
    };
    merge(config, extras.config || {});
    try {
      Plotly.newPlot(target, data, layout, config).then(function () {
        mwb.rendered += 1;
        target.setAttribute('data-mwb-rendered', 'true');
        if (check) {
          root.setAttribute('data-mwb-rendered', String(mwb.rendered));
        }
      }, function (err) {
        record('chart ' + id + ' failed: ' + err);
      });
    } catch (err) {
      record('chart ' + id + ' failed: ' + err);
    }
  };
})();
