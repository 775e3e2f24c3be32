// Small behaviours of every page, declared in the HTML by data- attributes, so that no page carries inline script
// (the Content-Security-Policy allows only the site's own files). No framework, no CDN.
(() => {
    // A list that submits its form when a value is chosen (the dashboard's year and period).
    document.addEventListener('change', e => {
        const select = e.target.closest('select[data-submit-on-change]');
        if (select && select.form) select.form.submit();
        // A month list whose options carry their year sets the form's year too (the province's and the nation's views).
        const month = e.target.closest('select[data-sets-year]');
        if (month) {
            const year = document.getElementById(month.dataset.setsYear);
            const chosen = month.selectedOptions[0];
            if (year && chosen && chosen.dataset.year) year.value = chosen.dataset.year;
        }
    });
    // A form that asks before it does something that cannot be undone with one click (data-ask: the question).
    document.addEventListener('submit', e => {
        const form = e.target.closest('form[data-ask]');
        if (form && !window.confirm(form.dataset.ask)) e.preventDefault();
    });
    // A page reached by a form's redirect shows its own address (data-replace-url on any element).
    const own = document.querySelector('[data-replace-url]');
    if (own) history.replaceState(null, '', own.dataset.replaceUrl);
    // The unit lists of the name-mapping page share one set of options (template#unit-options).
    const units = document.getElementById('unit-options');
    if (units) {
        document.querySelectorAll('select[data-units]').forEach(select => {
            const value = select.value;
            select.querySelectorAll('option[data-chosen]').forEach(o => o.remove());
            select.append(units.content.cloneNode(true));
            select.value = value;
        });
    }
})();
