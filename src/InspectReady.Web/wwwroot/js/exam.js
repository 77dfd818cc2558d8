// The examinee's page (/exam, /exam?code=…; ADR 0114, 0115). Everything goes through the examinee API the benchmark
// measures: POST /api/v1/exams/access, GET /api/v1/me/exams, GET …/paper, PUT …/answers/{itemId}, POST …/events,
// POST …/submit. The token lives in sessionStorage for this tab only; the time is the server's, re-synced.
// Served by the product itself; no inline script (CSP), nothing from another host.
(function () {
    'use strict';

    var STORE = 'inspectready.exam';
    var TEXT_DEBOUNCE_MS = 800;
    var RESYNC_MS = 30000;
    var RETRY_MS = 3000;
    var chinaTime = new Intl.DateTimeFormat('zh-CN', {
        timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false
    });

    var app, session = null, exam = null, paper = null;
    var serverOffsetMs = 0;
    var deadline = null;          // performance.now() at which the server's remaining time ends
    var tick = null, resync = null, waitTimer = null;
    var finishing = false;
    var paperSubmittedByMe = false;
    var unloading = false;        // a reload or close hides the page too: that is no leave
    var saves = {};               // itemId → { value, sent, inFlight, timer, failed }

    function $(id) { return document.getElementById(id); }

    function ready(fn) {
        if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
    }

    function show(state) {
        app.setAttribute('data-state', state);
        ['loading', 'code', 'intro', 'paper', 'done'].forEach(function (s) { $('ex-' + s).hidden = s !== state; });
        $('ex-timer').hidden = state !== 'paper';
    }

    function message(text) {
        var m = $('ex-message');
        m.textContent = text || '';
        m.hidden = !text;
    }

    function load() {
        try { return JSON.parse(sessionStorage.getItem(STORE) || 'null'); } catch (e) { return null; }
    }

    function save(s) {
        session = s;
        if (s) { sessionStorage.setItem(STORE, JSON.stringify(s)); } else { sessionStorage.removeItem(STORE); }
    }

    function problemText(body, fallback) {
        if (!body) { return fallback; }
        if (body.errors && body.errors.length && body.errors[0].message) { return body.errors[0].message; }
        return body.detail || body.title || fallback;
    }

    // One call of the examinee API. Resolves { status, body, date }; status 0 means the network failed.
    function call(method, path, body, keepalive) {
        var headers = { 'Accept': 'application/json' };
        if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
        if (session && session.token) { headers['Authorization'] = 'Bearer ' + session.token; }
        return fetch(path, {
            method: method, headers: headers, credentials: 'omit', cache: 'no-store', keepalive: !!keepalive,
            body: body === undefined ? undefined : JSON.stringify(body)
        }).then(function (r) {
            var date = r.headers.get('Date');
            if (r.status === 204) { return { status: 204, body: null, date: date }; }
            return r.text().then(function (t) {
                var parsed = null;
                try { parsed = t ? JSON.parse(t) : null; } catch (e) { parsed = null; }
                return { status: r.status, body: parsed, date: date };
            });
        }, function () { return { status: 0, body: null, date: null }; });
    }

    function signedOut(text) {
        stopTimers();
        save(null);
        exam = null; paper = null; saves = {};
        show('code');
        $('ex-code-error').textContent = text || '';
        $('ex-code-input').focus();
    }

    function stopTimers() {
        if (tick) { clearInterval(tick); tick = null; }
        if (resync) { clearInterval(resync); resync = null; }
        if (waitTimer) { clearInterval(waitTimer); waitTimer = null; }
    }

    function exchange(code) {
        $('ex-code-error').textContent = '';
        return call('POST', '/api/v1/exams/access', { code: code }).then(function (r) {
            if (r.status === 200 && r.body && r.body.accessToken) {
                save({ token: r.body.accessToken, examId: r.body.examId });
                return refresh();
            }
            signedOut(r.status === 0 ? '网络连接失败，请检查网络后重试' : r.status === 429 ? '尝试次数过多，请稍后再试' : problemText(r.body, '准考码无效'));
            return null;
        });
    }

    // The examinee's exam as the server has it now: the place every state change starts from.
    function refresh() {
        return call('GET', '/api/v1/me/exams').then(function (r) {
            if (r.status === 401) { signedOut('准考码已失效（考试已结束或令牌过期），请重新输入准考码'); return; }
            if (r.status !== 200 || !r.body) {
                message('网络连接失败，正在重试…');
                setTimeout(refresh, RETRY_MS);
                return;
            }
            message('');
            if (r.date) { serverOffsetMs = Date.parse(r.date) - Date.now(); }
            exam = r.body.filter(function (e) { return e.id === session.examId; })[0] || r.body[0];
            if (!exam) { signedOut('未找到本人的考试'); return; }
            $('ex-name').textContent = exam.name;
            if (exam.status === 'submitted') { done(); return; }
            if (exam.status === 'started') { openPaper(); return; }
            intro();
        });
    }

    function intro() {
        stopTimers();
        show('intro');
        $('ex-intro-name').textContent = exam.name;
        $('ex-intro-person').textContent = exam.personName;
        $('ex-intro-duration').textContent = exam.durationMinutes + ' 分钟';
        $('ex-intro-start').textContent = chinaTime.format(new Date(exam.startAfter));
        $('ex-intro-closes').textContent = chinaTime.format(new Date(exam.closesAt));
        var startAt = Date.parse(exam.startAfter);
        var button = $('ex-start');
        function wait() {
            var left = Math.ceil((startAt - (Date.now() + serverOffsetMs)) / 1000);
            var waiting = left > 0;
            button.disabled = waiting;
            $('ex-intro-wait').hidden = !waiting;
            $('ex-intro-wait').textContent = waiting ? '分批开考：距您的开考时间还有 ' + clock(left) : '';
            if (!waiting && waitTimer) { clearInterval(waitTimer); waitTimer = null; }
        }
        wait();
        if (button.disabled) { waitTimer = setInterval(wait, 1000); }
    }

    function openPaper() {
        return call('GET', '/api/v1/me/exams/' + session.examId + '/paper').then(function (r) {
            if (r.status === 401) { signedOut('准考码已失效，请重新输入准考码'); return; }
            if (r.status === 409) { message(problemText(r.body, '暂不能开始答题')); intro(); return; }
            if (r.status !== 200 || !r.body) { message('试卷加载失败，正在重试…'); setTimeout(openPaper, RETRY_MS); return; }
            message('');
            paper = r.body;
            if (paper.status === 'submitted') { refresh(); return; }
            render(paper);
            show('paper');
            startClock(paper.remainingSeconds);
        });
    }

    function clock(seconds) {
        var s = Math.max(0, seconds | 0);
        var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
        var two = function (n) { return (n < 10 ? '0' : '') + n; };
        return (h > 0 ? h + ':' + two(m) : two(m)) + ':' + two(r);
    }

    function startClock(remainingSeconds) {
        stopTimers();
        setRemaining(remainingSeconds);
        tick = setInterval(showRemaining, 500);
        resync = setInterval(syncTime, RESYNC_MS);
    }

    function setRemaining(remainingSeconds) {
        deadline = remainingSeconds === null || remainingSeconds === undefined ? null : performance.now() + remainingSeconds * 1000;
        showRemaining();
    }

    function showRemaining() {
        if (deadline === null) { return; }
        var left = Math.ceil((deadline - performance.now()) / 1000);
        var t = $('ex-timer');
        t.textContent = '剩余 ' + clock(left);
        t.classList.toggle('ex-timer-low', left <= 300);
        if (left <= 0) { timeUp(); }
    }

    // Re-reads the remaining time (the proctor may have extended or ended it); also notices a submission made elsewhere.
    function syncTime() {
        return call('GET', '/api/v1/me/exams').then(function (r) {
            if (r.status === 401) { signedOut('准考码已失效，请重新输入准考码'); return; }
            if (r.status !== 200 || !r.body || !r.body.length) { return; }
            exam = r.body.filter(function (e) { return e.id === session.examId; })[0] || r.body[0];
            if (exam.status === 'submitted') { done(); return; }
            if (exam.remainingSeconds !== null && exam.remainingSeconds !== undefined) { setRemaining(exam.remainingSeconds); }
        });
    }

    function timeUp() {
        if (finishing) { return; }
        finishing = true;
        stopTimers();
        $('ex-timer').textContent = '时间到';
        flushAll().then(function () { return settle(); }).then(function () { waitSubmitted(0); });
    }

    // The server submits an overdue paper on the examinee's next request; ask until it says so.
    function waitSubmitted(attempt) {
        call('GET', '/api/v1/me/exams').then(function (r) {
            if (r.status === 200 && r.body && r.body.length) {
                exam = r.body.filter(function (e) { return e.id === session.examId; })[0] || r.body[0];
                if (exam.status === 'submitted') { done(true); return; }
                if (exam.remainingSeconds > 0) { finishing = false; startClock(exam.remainingSeconds); return; }
            }
            if (r.status === 401) { signedOut('考试已结束'); return; }
            setTimeout(function () { waitSubmitted(attempt + 1); }, Math.min(5000, 1000 + attempt * 500));
        });
    }

    function done(timedOut) {
        stopTimers();
        finishing = true;
        show('done');
        $('ex-done-title').textContent = timedOut && !paperSubmittedByMe ? '考试时间已到，已自动交卷' : '已交卷';
        $('ex-done-score').textContent = exam && exam.objectiveScore !== null && exam.objectiveScore !== undefined ? String(exam.objectiveScore) : '—';
        $('ex-done-max').textContent = exam && exam.maxObjectiveScore !== null && exam.maxObjectiveScore !== undefined ? String(exam.maxObjectiveScore) : '—';
    }

    // ---- the paper ----

    function el(tag, cls, text) {
        var e = document.createElement(tag);
        if (cls) { e.className = cls; }
        if (text !== undefined && text !== null) { e.textContent = text; }
        return e;
    }

    function render(p) {
        saves = {};
        var list = $('ex-items'), nav = $('ex-nav');
        list.textContent = '';
        nav.textContent = '';
        p.items.forEach(function (item, index) {
            var no = index + 1;
            var li = el('li', 'ex-item');
            li.id = 'item-' + item.id;
            li.setAttribute('data-item', item.id);
            li.setAttribute('data-type', item.type);
            li.setAttribute('data-testid', 'item-' + no);
            var head = el('div', 'ex-item-head');
            head.appendChild(el('span', 'ex-no', no + '.'));
            head.appendChild(el('span', 'ex-type', item.typeLabel + '（' + item.score + '分）'));
            head.appendChild(el('span', 'ex-state'));
            li.appendChild(head);
            li.appendChild(el('p', 'ex-stem', item.stem));
            li.appendChild(inputsOf(item));
            li.appendChild(el('p', 'ex-error'));
            list.appendChild(li);

            var link = el('a', 'ex-nav-link', String(no));
            link.href = '#item-' + item.id;
            link.setAttribute('data-testid', 'nav-' + no);
            link.addEventListener('click', function (ev) {
                ev.preventDefault();
                li.scrollIntoView({ behavior: 'smooth', block: 'start' });
            });
            nav.appendChild(link);
            saves[item.id] = { value: valueOf(li, item), sent: null, inFlight: false, timer: null, failed: false, no: no, li: li, link: link, item: item };
            saves[item.id].sent = JSON.stringify(saves[item.id].value);
            mark(item.id);
        });
        status();
    }

    function inputsOf(item) {
        var box = el('div', 'ex-answer');
        var name = 'a-' + item.id;
        var given = item.answer;
        if (item.type === 'single' || item.type === 'multiple') {
            var chosen = typeof given === 'string' ? given : Array.isArray(given) ? given.join('') : '';
            item.options.forEach(function (o) {
                var label = el('label', 'ex-option');
                var input = el('input');
                input.type = item.type === 'single' ? 'radio' : 'checkbox';
                input.name = name;
                input.value = o.key;
                input.checked = chosen.toUpperCase().indexOf(o.key.toUpperCase()) >= 0;
                input.addEventListener('change', function () { changed(item.id, false); });
                label.appendChild(input);
                label.appendChild(el('span', 'ex-key', o.key + '.'));
                label.appendChild(el('span', null, o.text));
                box.appendChild(label);
            });
        } else if (item.type === 'truefalse') {
            var truth = given === true || given === '对' || given === '正确' || given === 'true' ? 'true'
                : given === false || given === '错' || given === '错误' || given === 'false' ? 'false' : '';
            [['true', '对'], ['false', '错']].forEach(function (pair) {
                var label = el('label', 'ex-option');
                var input = el('input');
                input.type = 'radio';
                input.name = name;
                input.value = pair[0];
                input.checked = truth === pair[0];
                input.addEventListener('change', function () { changed(item.id, false); });
                label.appendChild(input);
                label.appendChild(el('span', null, pair[1]));
                box.appendChild(label);
            });
        } else if (item.type === 'blank') {
            var blanks = Math.max(1, item.blanks || 1);
            var values = Array.isArray(given) ? given : typeof given === 'string' ? [given] : [];
            for (var i = 0; i < blanks; i++) {
                var label = el('label', 'ex-blank');
                label.appendChild(el('span', null, '第' + (i + 1) + '空'));
                var input = el('input');
                input.type = 'text';
                input.maxLength = 5000;
                input.autocomplete = 'off';
                input.value = values[i] || '';
                input.setAttribute('data-blank', String(i));
                input.addEventListener('input', function () { changed(item.id, true); });
                input.addEventListener('blur', function () { flush(item.id); });
                label.appendChild(input);
                box.appendChild(label);
            }
        } else {
            var area = el('textarea');
            area.rows = item.type === 'essay' ? 10 : 6;
            area.maxLength = 5000;
            area.value = typeof given === 'string' ? given : '';
            area.setAttribute('aria-label', '第' + item.position + '题答案');
            area.addEventListener('input', function () { changed(item.id, true); });
            area.addEventListener('blur', function () { flush(item.id); });
            box.appendChild(area);
        }
        return box;
    }

    // The answer as the API takes it: option keys "ABD", true/false, a string per blank, text; null when empty.
    function valueOf(li, item) {
        if (item.type === 'single' || item.type === 'multiple') {
            var keys = Array.prototype.filter.call(li.querySelectorAll('input'), function (i) { return i.checked; })
                .map(function (i) { return i.value; }).sort().join('');
            return keys || null;
        }
        if (item.type === 'truefalse') {
            var picked = li.querySelector('input:checked');
            return picked ? picked.value === 'true' : null;
        }
        if (item.type === 'blank') {
            var values = Array.prototype.map.call(li.querySelectorAll('input[data-blank]'), function (i) { return i.value; });
            return values.some(function (v) { return v.trim() !== ''; }) ? values : null;
        }
        var text = li.querySelector('textarea').value;
        return text.trim() === '' ? null : text;
    }

    function changed(itemId, debounce) {
        var s = saves[itemId];
        if (!s || finishing) { return; }
        s.value = valueOf(s.li, s.item);
        if (s.timer) { clearTimeout(s.timer); s.timer = null; }
        mark(itemId);
        if (debounce) {
            s.timer = setTimeout(function () { s.timer = null; send(itemId); }, TEXT_DEBOUNCE_MS);
        } else {
            send(itemId);
        }
        status();
    }

    function flush(itemId) {
        var s = saves[itemId];
        if (s && s.timer) { clearTimeout(s.timer); s.timer = null; send(itemId); }
    }

    function flushAll() {
        Object.keys(saves).forEach(flush);
        return Promise.resolve();
    }

    // Resolves once nothing is in flight or waiting (failed saves count as settled).
    function settle() {
        return new Promise(function (resolve) {
            (function poll() {
                var busy = Object.keys(saves).some(function (k) { return saves[k].inFlight || saves[k].timer; });
                if (busy) { setTimeout(poll, 100); } else { resolve(); }
            })();
        });
    }

    function send(itemId) {
        var s = saves[itemId];
        if (!s) { return; }
        var json = JSON.stringify(s.value);
        if (s.inFlight || json === s.sent) { return; }
        s.inFlight = true;
        s.failed = false;
        mark(itemId);
        status();
        call('PUT', '/api/v1/me/exams/' + session.examId + '/answers/' + itemId, { answer: s.value }).then(function (r) {
            s.inFlight = false;
            var error = s.li.querySelector('.ex-error');
            if (r.status === 204) {
                s.sent = json;
                error.textContent = '';
            } else if (r.status === 401) {
                signedOut('准考码已失效，请重新输入准考码');
                return;
            } else if (r.status === 409) {
                s.failed = true;
                error.textContent = problemText(r.body, '不能再修改答案');
                if (!finishing) { finishing = true; stopTimers(); waitSubmitted(0); }
            } else if (r.status === 400) {
                s.failed = true;
                error.textContent = problemText(r.body, '答案格式有误');
            } else {
                s.failed = true;
                error.textContent = '保存失败（网络），将自动重试';
                setTimeout(function () { if (!s.inFlight) { send(itemId); } }, RETRY_MS);
            }
            mark(itemId);
            status();
            if (r.status === 204 && JSON.stringify(s.value) !== s.sent && !s.timer) { send(itemId); }
        });
    }

    function mark(itemId) {
        var s = saves[itemId];
        var answered = s.value !== null;
        var pending = s.inFlight || s.timer || JSON.stringify(s.value) !== s.sent;
        s.link.classList.toggle('ex-answered', answered);
        s.link.classList.toggle('ex-failed', s.failed);
        s.li.setAttribute('data-saved', pending || s.failed ? 'false' : 'true');
        s.li.querySelector('.ex-state').textContent = s.failed ? '未保存' : pending ? '保存中…' : answered ? '已保存' : '';
    }

    function status() {
        var keys = Object.keys(saves);
        var answered = keys.filter(function (k) { return saves[k].value !== null; }).length;
        var failed = keys.filter(function (k) { return saves[k].failed; }).length;
        var pending = keys.filter(function (k) { var s = saves[k]; return s.inFlight || s.timer || JSON.stringify(s.value) !== s.sent; }).length;
        var line = $('ex-saving');
        line.setAttribute('data-pending', String(pending + failed));
        line.textContent = '已答 ' + answered + ' / ' + keys.length + ' 题' + (failed ? '，' + failed + ' 题未保存' : pending ? '，正在保存…' : '，答案均已保存');
    }

    // ---- submission ----

    function askSubmit() {
        flushAll();
        var keys = Object.keys(saves);
        var unanswered = keys.filter(function (k) { return saves[k].value === null; }).map(function (k) { return saves[k].no; });
        $('ex-confirm-text').textContent = '共 ' + keys.length + ' 题，已答 ' + (keys.length - unanswered.length) + ' 题' +
            (unanswered.length ? '，未答第 ' + unanswered.join('、') + ' 题' : '') + '。交卷后不能再修改答案。';
        $('ex-confirm').hidden = false;
        $('ex-confirm-ok').focus();
    }

    function submit() {
        var ok = $('ex-confirm-ok');
        ok.disabled = true;
        settle().then(function () {
            var failed = Object.keys(saves).filter(function (k) { return saves[k].failed; });
            if (failed.length) {
                $('ex-confirm-text').textContent = '第 ' + failed.map(function (k) { return saves[k].no; }).join('、') + ' 题的答案尚未保存，请检查网络后重试。';
                ok.disabled = false;
                return null;
            }
            finishing = true;
            return call('POST', '/api/v1/me/exams/' + session.examId + '/submit').then(function (r) {
                ok.disabled = false;
                if (r.status === 200 && r.body) {
                    $('ex-confirm').hidden = true;
                    paperSubmittedByMe = true;
                    exam.status = 'submitted';
                    exam.objectiveScore = r.body.objectiveScore;
                    exam.maxObjectiveScore = r.body.maxObjectiveScore;
                    done(false);
                } else if (r.status === 401) {
                    signedOut('准考码已失效，请重新输入准考码');
                } else {
                    finishing = false;
                    $('ex-confirm-text').textContent = r.status === 0 ? '网络连接失败，请稍后再点“确认交卷”。' : problemText(r.body, '交卷失败，请重试');
                }
            });
        });
    }

    // ---- light discipline: leaving the page and pasting are counted by the server ----

    function report(kind) {
        if (!session || app.getAttribute('data-state') !== 'paper' || finishing || unloading) { return; }
        call('POST', '/api/v1/me/exams/' + session.examId + '/events', { kind: kind }, true);
    }

    ready(function () {
        app = $('exam-app');
        if (!app) { return; }
        $('ex-code-form').addEventListener('submit', function (ev) {
            ev.preventDefault();
            var code = $('ex-code-input').value.trim();
            if (!code) { $('ex-code-error').textContent = '请输入准考码'; return; }
            exchange(code);
        });
        $('ex-start').addEventListener('click', function () { openPaper(); });
        $('ex-submit').addEventListener('click', askSubmit);
        $('ex-confirm-cancel').addEventListener('click', function () { $('ex-confirm').hidden = true; });
        $('ex-confirm-ok').addEventListener('click', submit);
        document.addEventListener('visibilitychange', function () {
            if (document.visibilityState === 'hidden') {
                Object.keys(saves).forEach(flush);
                report('leave');
            } else if (app.getAttribute('data-state') === 'paper' && !finishing) {
                syncTime();
            }
        });
        document.addEventListener('paste', function () { report('paste'); }, true);
        window.addEventListener('beforeunload', function () { unloading = true; });
        window.addEventListener('pagehide', function () { unloading = true; });
        window.addEventListener('pageshow', function () { unloading = false; });
        window.addEventListener('online', function () {
            Object.keys(saves).forEach(function (k) { if (saves[k].failed) { send(k); } });
            if (app.getAttribute('data-state') === 'paper' && !finishing) { syncTime(); }
        });

        var params = new URLSearchParams(window.location.search);
        var code = params.get('code');
        session = load();
        if (code) {
            // The code leaves the address bar (and the history) once read; the tab keeps only the token.
            history.replaceState(null, '', window.location.pathname);
            $('ex-code-input').value = code;
            exchange(code);
        } else if (session && session.token) {
            refresh();
        } else {
            show('code');
        }
    });
})();
