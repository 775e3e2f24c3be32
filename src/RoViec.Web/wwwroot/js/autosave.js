// Autosave of the report form (#report-form; its fields sit beside their lines and join it by form="report-form").
// A changed field is posted to the draft handler a second after the last keystroke: only what changed, one
// request at a time; the answer carries the report's new version for the next save. Refused values are marked
// beside their field and not saved; the others go with the next save. Before another form leaves the page
// (an evidence upload), what is typed is saved first. Without this script the draft button does the same.
// Its words come from the page (the status element's data- attributes, written through the resources), so the
// script speaks the reader's language; it writes no text of its own.
(() => {
    const form = document.getElementById('report-form');
    if (!form || !window.fetch || !window.FormData) return;
    const status = document.getElementById('luu');
    const say = (key, value) => (status.dataset[key] || '').replace('{0}', value === undefined ? '' : value);
    const locale = document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN';
    const version = form.querySelector('input[name="version"]');
    const token = form.querySelector('input[name="__RequestVerificationToken"]');
    const draftUrl = form.querySelector('button[formaction]').getAttribute('formaction');
    let pending = new Map(), timer = 0, inFlight = null, stopped = false;
    const invalid = new Set();

    const mine = el => el && el.name && el.form === form && el.name !== 'version' && el.name !== '__RequestVerificationToken';
    const labelOf = name => { const el = form.elements.namedItem(name); return el && el.closest ? el.closest('label') : null; };
    const clearError = name => {
        document.querySelectorAll('span.error[data-for="' + CSS.escape(name) + '"]').forEach(s => s.remove());
        const label = labelOf(name);
        if (label) label.classList.remove('invalid');
        const el = form.elements.namedItem(name);
        if (el && el.removeAttribute) { el.removeAttribute('aria-invalid'); el.removeAttribute('aria-describedby'); }
    };
    const setError = (name, message) => {
        clearError(name);
        const label = labelOf(name);
        if (!label) return;
        label.classList.add('invalid');
        const span = document.createElement('span');
        span.className = 'error';
        span.dataset.for = name;
        span.id = 'err-' + name;
        span.textContent = message;
        label.appendChild(span);
        // The message is the field's description for a screen reader, and the field says it is invalid.
        const el = form.elements.namedItem(name);
        if (el && el.setAttribute) { el.setAttribute('aria-invalid', 'true'); el.setAttribute('aria-describedby', span.id); }
    };
    const number = text => {
        let t = (text || '').replace(/[\s%]/g, '');
        if (t.includes(',')) t = t.replace(/\./g, '').replace(',', '.');
        return t === '' ? NaN : Number(t);
    };
    const showRatio = id => {
        const out = document.querySelector('output[data-ratio="' + id + '"]');
        if (!out) return;
        const n = number(form.elements.namedItem('line[' + id + '].numerator').value);
        const d = number(form.elements.namedItem('line[' + id + '].denominator').value);
        out.textContent = isFinite(n) && isFinite(d) && d > 0 ? (Math.round(n / d * 10000) / 100).toLocaleString(locale) + ' %' : '—';
    };
    const schedule = delay => { clearTimeout(timer); timer = setTimeout(flush, delay || 1000); };
    const requeue = (sent, except) => sent.forEach((value, name) => { if (!except.has(name) && !pending.has(name)) pending.set(name, value); });

    function flush() {
        clearTimeout(timer);
        if (inFlight) return inFlight.then(flush);
        if (stopped || pending.size === 0) return Promise.resolve();
        const sent = pending;
        pending = new Map();
        const body = new FormData();
        sent.forEach((value, name) => body.append(name, value));
        body.append('version', version.value);
        body.append('__RequestVerificationToken', token.value);
        status.textContent = say('saving');
        inFlight = fetch(draftUrl, { method: 'POST', body, headers: { 'X-RoViec-Autosave': '1' }, credentials: 'same-origin' })
            .then(response => response.json().then(answer => ({ response, answer })))
            .then(({ response, answer }) => {
                sent.forEach((_, name) => clearError(name));
                if (response.ok) {
                    version.value = answer.version;
                    sent.forEach((_, name) => invalid.delete(name));
                    status.textContent = say(invalid.size ? 'savedSome' : 'saved', answer.saved);
                } else if (response.status === 422) {
                    const errors = answer.errors || {};
                    Object.entries(errors).forEach(([name, message]) => { invalid.add(name); setError(name, message); });
                    // Nothing of this save was kept (all or nothing): the fields without a refusal go with the next one.
                    requeue(sent, new Set(Object.keys(errors)));
                    status.textContent = say('invalid');
                    if (pending.size) schedule();
                } else {
                    // Changed elsewhere, closed or no longer a draft: saving again would not help; reloading shows why.
                    stopped = true;
                    status.textContent = (answer.message || say('failed')) + ' ' + say('reload');
                }
            })
            .catch(() => {
                requeue(sent, new Set());
                status.textContent = say('offline');
                schedule(5000);
            })
            .finally(() => { inFlight = null; });
        return inFlight;
    }

    const changed = e => {
        const el = e.target;
        if (!mine(el) || stopped) return;
        pending.set(el.name, el.value);
        const ratio = /^line\[([0-9a-f-]+)\]\.(numerator|denominator)$/.exec(el.name);
        if (ratio) showRatio(ratio[1]);
        status.textContent = say('changed');
        schedule();
    };
    document.addEventListener('input', changed);
    document.addEventListener('change', changed);
    document.addEventListener('submit', e => {
        if (e.target === form) {
            // The whole form carries every field; it must carry the version of the last autosave too.
            if (inFlight) {
                e.preventDefault();
                const submitter = e.submitter;
                inFlight.then(() => form.requestSubmit(submitter));
                return;
            }
            clearTimeout(timer);
            stopped = true;
            return;
        }
        if (pending.size === 0 && !inFlight) return;
        e.preventDefault();
        const other = e.target;
        flush().then(() => other.submit());
    });
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); });
    window.addEventListener('pagehide', () => {
        if (stopped || pending.size === 0 || !navigator.sendBeacon) return;
        const body = new FormData();
        pending.forEach((value, name) => body.append(name, value));
        body.append('version', version.value);
        body.append('__RequestVerificationToken', token.value);
        navigator.sendBeacon(draftUrl, body);
    });
})();
