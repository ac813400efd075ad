// Tables wider than the screen (a phone, a zoomed-in page) scroll sideways inside their own box, .table-responsive,
// never the whole page (WCAG 1.4.10). A box that scrolls must be reachable by keyboard to be scrolled without a
// mouse (WCAG 2.1.1), and is then announced as a region named by its table's caption; a box that fits adds no tab
// stop. Checked on load, when the window's size changes and when a <details> opens (its tables had no width before).
(function () {
    let captions = 0;
    function update() {
        for (const box of document.querySelectorAll('.table-responsive')) {
            const scrolls = box.scrollWidth > box.clientWidth + 1;
            if (scrolls && !box.hasAttribute('tabindex')) {
                box.tabIndex = 0;
                box.dataset.scrollRegion = 'true';
                const caption = box.querySelector('caption');
                if (caption) {
                    if (!caption.id) caption.id = 'table-caption-' + (++captions);
                    box.setAttribute('role', 'region');
                    box.setAttribute('aria-labelledby', caption.id);
                }
            } else if (!scrolls && box.dataset.scrollRegion === 'true') {
                box.removeAttribute('tabindex');
                box.removeAttribute('role');
                box.removeAttribute('aria-labelledby');
                delete box.dataset.scrollRegion;
            }
        }
    }
    let pending = false;
    function later() {
        if (pending) return;
        pending = true;
        requestAnimationFrame(function () { pending = false; update(); });
    }
    window.esrScrollRegions = update;
    update();
    window.addEventListener('resize', later);
    document.addEventListener('toggle', later, true);
})();

// A step that cannot be undone (deleting an action, closing a consultation early, taking away a user's access, ...)
// asks first: a form or its submit button with data-confirm shows the question in the browser's own dialog, which
// screen readers and the keyboard handle, and nothing is sent unless it is confirmed. Registered in the capture
// phase, so that a busy form (below) sees the cancelled submission and stays as it was.
(function () {
    document.addEventListener('submit', function (e) {
        const form = e.target;
        if (!(form instanceof HTMLFormElement)) return;
        const question = (e.submitter && e.submitter.dataset.confirm) || form.dataset.confirm;
        if (question && !window.confirm(question)) e.preventDefault();
    }, true);
})();

// A form that makes the server work a while (a plan import) says so once it is sent: its submit buttons are
// disabled, so that an impatient second click does not send the file twice, and its status element announces the
// form's data-busy text. Coming back to the page through the browser's history gives the buttons back.
(function () {
    document.addEventListener('submit', function (e) {
        const form = e.target;
        if (!(form instanceof HTMLFormElement) || !form.dataset.busy || e.defaultPrevented) return;
        const status = form.querySelector('[data-busy-status]');
        if (status) status.textContent = form.dataset.busy;
        // After this event, or the buttons would be left out of the submission.
        setTimeout(function () {
            for (const b of form.querySelectorAll('button[type=submit]')) b.disabled = true;
        }, 0);
    });
    window.addEventListener('pageshow', function (e) {
        if (!e.persisted) return;
        for (const form of document.querySelectorAll('form[data-busy]')) {
            for (const b of form.querySelectorAll('button[type=submit]')) b.disabled = false;
            const status = form.querySelector('[data-busy-status]');
            if (status) status.textContent = '';
        }
    });
})();

// On a phone the site's links fold behind a "Menu" button, so that a page starts with its own content and not with
// a screenful of links (the layout shows the button only when this script runs; without it the links stay open).
// The button says whether the menu is open (aria-expanded); Escape closes it and gives the focus back to the button.
(function () {
    const button = document.querySelector('[data-nav-toggle]');
    const nav = button && document.getElementById(button.getAttribute('aria-controls'));
    if (!nav) return;
    nav.classList.add('collapse');
    button.hidden = false;
    const isOpen = function () { return button.getAttribute('aria-expanded') === 'true'; };
    function set(open) {
        nav.classList.toggle('show', open);
        button.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
    button.addEventListener('click', function () { set(!isOpen()); });
    document.addEventListener('keydown', function (e) {
        if (e.key !== 'Escape' || !isOpen() || !(nav.contains(document.activeElement) || document.activeElement === button)) return;
        set(false);
        button.focus();
    });
})();
