// The public survey page (/s/{token}): shows follow-up questions when their condition holds and posts the answers.
// Served by the product itself; no inline script (CSP), nothing from another host.
(function () {
    'use strict';

    function ready(fn) {
        if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
    }

    function chosen(form, index) {
        var fieldset = form.querySelector('fieldset[data-index="' + index + '"]');
        if (!fieldset || fieldset.hidden) { return []; }
        return Array.prototype.map.call(fieldset.querySelectorAll('input:checked'), function (i) { return i.value; });
    }

    function refresh(form) {
        form.querySelectorAll('fieldset[data-show-if]').forEach(function (fs) {
            var values = JSON.parse(fs.getAttribute('data-show-values'));
            var picked = chosen(form, fs.getAttribute('data-show-if'));
            fs.hidden = !picked.some(function (v) { return values.indexOf(v) >= 0; });
        });
    }

    function answerOf(fs) {
        var index = parseInt(fs.getAttribute('data-index'), 10);
        var type = fs.getAttribute('data-type');
        var checked = Array.prototype.map.call(fs.querySelectorAll('input:checked'), function (i) { return i.value; });
        if (type === 'single' || type === 'scale5') { return checked.length ? { questionIndex: index, value: checked[0] } : null; }
        if (type === 'multiple') { return checked.length ? { questionIndex: index, value: checked } : null; }
        if (type === 'rating10') { return checked.length ? { questionIndex: index, value: parseInt(checked[0], 10) } : null; }
        if (type === 'matrix5') {
            var rows = fs.querySelectorAll('.sv-row');
            var values = Array.prototype.map.call(rows, function (row) {
                var c = row.querySelector('input:checked');
                return c ? c.value : null;
            });
            return values.every(function (v) { return v !== null; }) && values.length ? { questionIndex: index, value: values } : null;
        }
        var text = fs.querySelector('textarea').value.trim();
        return text ? { questionIndex: index, value: text } : null;
    }

    ready(function () {
        var form = document.getElementById('sv-form');
        if (!form) { return; }
        var error = document.getElementById('sv-error');
        form.addEventListener('change', function () { refresh(form); });
        refresh(form);
        form.addEventListener('submit', function (e) {
            e.preventDefault();
            error.textContent = '';
            var answers = [];
            form.querySelectorAll('fieldset.sv-q').forEach(function (fs) {
                if (!fs.hidden) {
                    var a = answerOf(fs);
                    if (a) { answers.push(a); }
                }
            });
            var body = { answers: answers };
            ['group', 'area', 'invitation'].forEach(function (name) {
                var field = form.elements[name];
                if (field && field.value) { body[name] = field.value; }
            });
            var button = form.querySelector('button[type="submit"]');
            button.disabled = true;
            fetch('/api/v1/public/surveys/' + encodeURIComponent(form.getAttribute('data-token')) + '/responses', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify(body),
                credentials: 'same-origin'
            }).then(function (response) {
                if (response.status === 201) {
                    form.hidden = true;
                    document.getElementById('sv-done').hidden = false;
                    window.scrollTo(0, 0);
                    return;
                }
                return response.json().then(function (problem) {
                    var errors = problem && problem.errors ? Object.keys(problem.errors).map(function (k) { return problem.errors[k].join('；'); }) : [];
                    error.textContent = errors.length ? errors.join('；') : (problem && (problem.detail || problem.title)) || '提交失败，请稍后再试';
                    button.disabled = false;
                });
            }).catch(function () {
                error.textContent = '网络不通，请稍后再试';
                button.disabled = false;
            });
        });
    });
})();
