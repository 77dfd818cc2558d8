// Idle limit of an open page. A Blazor circuit makes no HTTP requests, so the server cannot tell an active user
// from an absent one: this module watches keyboard, pointer and scroll activity (shared between the product's tabs
// through localStorage), renews the sign-in cookie while the user is active, asks .NET to show the warning before
// the limit and signs out at the limit by posting the layout's sign-out form.
const storageKey = 'inspectready.lastActivity';
const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'scroll', 'touchstart'];
let current;

// dotnet: object with OnIdleWarning(secondsLeft) and OnIdleWarningCleared(); idleMs, warnMs: limits; keepAliveUrl: renews the cookie.
export function start(dotnet, idleMs, warnMs, keepAliveUrl) {
    stop();
    const now = Date.now();
    const s = { dotnet, idleMs, warnMs, keepAliveUrl, last: now, lastPing: now, warned: false, ended: false };
    s.pingEvery = Math.min(60000, Math.max(1000, idleMs / 4));
    s.onActivity = () => {
        // While the warning shows only its 继续 button keeps the session.
        if (!s.warned && !s.ended) {
            mark(s);
        }
    };
    for (const name of activityEvents) {
        document.addEventListener(name, s.onActivity, { passive: true, capture: true });
    }
    mark(s);
    s.timer = setInterval(() => tick(s), 1000);
    current = s;
}

// The user chose 继续 in the warning.
export function resume() {
    if (current && !current.ended) {
        current.warned = false;
        mark(current);
        ping(current);
    }
}

export function stop() {
    if (!current) {
        return;
    }
    clearInterval(current.timer);
    for (const name of activityEvents) {
        document.removeEventListener(name, current.onActivity, { capture: true });
    }
    current = undefined;
}

function mark(s) {
    s.last = Date.now();
    try {
        localStorage.setItem(storageKey, String(s.last));
    } catch {
        // Storage may be unavailable (private mode); this tab's own activity still counts.
    }
}

function lastActivity(s) {
    let shared = 0;
    try {
        shared = Number(localStorage.getItem(storageKey)) || 0;
    } catch {
        shared = 0;
    }
    return Math.max(s.last, shared);
}

function ping(s) {
    s.lastPing = Date.now();
    fetch(s.keepAliveUrl, { credentials: 'same-origin', cache: 'no-store' }).catch(() => { });
}

function tick(s) {
    if (s.ended) {
        return;
    }
    const now = Date.now();
    const last = lastActivity(s);
    const idle = now - last;
    if (idle >= s.idleMs) {
        end(s);
        return;
    }
    if (idle >= s.idleMs - s.warnMs) {
        if (!s.warned) {
            s.warned = true;
            s.dotnet.invokeMethodAsync('OnIdleWarning', Math.ceil((s.idleMs - idle) / 1000)).catch(() => { });
        }
    } else if (s.warned) {
        // Activity in another tab of the product keeps this one too.
        s.warned = false;
        s.dotnet.invokeMethodAsync('OnIdleWarningCleared').catch(() => { });
    }
    if (last > s.lastPing && now - s.lastPing >= s.pingEvery) {
        ping(s);
    }
}

function end(s) {
    s.ended = true;
    clearInterval(s.timer);
    const form = document.querySelector('form[data-session-logout]');
    if (form) {
        form.submit();
    } else {
        location.href = '/account/login?error=idle';
    }
}
