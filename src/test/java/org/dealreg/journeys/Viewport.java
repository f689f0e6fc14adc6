package org.dealreg.journeys;

import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What of the page the browser shows lies outside its window sideways (docs/accessibility.md): the page scrolling
 * sideways, an action (a link, a button, a field) whose box is not wholly inside the window, and a list's column
 * whose cells are hidden or off-screen. Things not shown at all (a closed menu, the skip link until it has focus) are
 * not actions a person can miss.
 */
final class Viewport {

    private static final String CHECK = """
            var width = document.documentElement.clientWidth;
            var problems = [];
            var wide = document.documentElement.scrollWidth;
            if (wide > width) {
              // the innermost elements that reach past the window's edge: what makes the page wide
              // (a box past the edge, or text running out of its box: a long word, an address)
              function reach(el) {
                var r = el.getBoundingClientRect();
                var visible = getComputedStyle(el).overflowX === 'visible';
                return Math.max(r.right, visible ? r.left + el.scrollWidth : 0);
              }
              var culprits = Array.prototype.filter.call(document.body.querySelectorAll('*'), function (el) {
                return reach(el) > width + 1 && !Array.prototype.some.call(el.children,
                  function (child) { return reach(child) > width + 1; });
              }).slice(0, 3).map(function (el) {
                return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                  + (el.className && el.className.baseVal === undefined ? '.' + el.className.trim().split(/\s+/).join('.') : '');
              });
              problems.push('the page scrolls sideways: ' + wide + ' px wide in a ' + width + ' px window ('
                + culprits.join(', ') + ')');
            }
            function words(el) {
              return (el.innerText || el.value || el.getAttribute('aria-label') || el.getAttribute('name') || '')
                .trim().replace(/\\s+/g, ' ').slice(0, 60);
            }
            function describe(el) {
              return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + words(el) + '"';
            }
            function box(el) {
              var r = el.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) return null;
              if (el.closest('.visually-hidden, .visually-hidden-focusable')) return null;
              if (getComputedStyle(el).visibility === 'hidden') return null;
              return r;
            }
            function outside(r) { return r.left < -1 || r.right > width + 1; }
            var actions = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex="0"]';
            document.querySelectorAll(actions).forEach(function (el) {
              var r = box(el);
              if (r && outside(r)) {
                problems.push('action off-screen: ' + describe(el) + ' spans ' + Math.round(r.left) + '..'
                  + Math.round(r.right) + ' px');
              }
            });
            document.querySelectorAll('table').forEach(function (table, t) {
              if (!box(table)) return;
              var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), words);
              var name = 'table ' + (table.id ? '#' + table.id : (t + 1));
              table.querySelectorAll('tbody tr').forEach(function (row) {
                if (!box(row)) return;
                Array.prototype.forEach.call(row.children, function (cell, c) {
                  var column = headers[c] || ('column ' + (c + 1));
                  var r = cell.getBoundingClientRect();
                  var blank = cell.children.length === 0 && cell.textContent.trim() === '';
                  if (blank) return;
                  if (r.width === 0 && r.height === 0 || getComputedStyle(cell).visibility === 'hidden') {
                    problems.push(name + ': column "' + column + '" is not shown');
                  } else if (outside(r)) {
                    problems.push(name + ': column "' + column + '" lies off-screen (' + Math.round(r.left) + '..'
                      + Math.round(r.right) + ' px)');
                  }
                });
              });
            });
            return problems.filter(function (p, i) { return problems.indexOf(p) === i; });
            """;

    private Viewport() {
    }

    /** Each thing off-screen sideways, once, readably: empty when the page fits its window. */
    @SuppressWarnings("unchecked")
    static List<String> offScreen(WebDriver driver) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(CHECK);
    }
}
