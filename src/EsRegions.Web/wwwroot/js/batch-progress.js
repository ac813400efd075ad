// Refreshes a sending's progress every 2 seconds until nothing is queued (the page works without it: "Odśwież").
// Only the contents of the live region change, so screen readers announce the new counts; the region itself stays.
(function () {
    const section = document.getElementById('batch-progress');
    if (!section) return;
    async function refresh() {
        if (section.dataset.done === 'true') return;
        try {
            const response = await fetch(window.location.href, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' });
            if (response.ok) {
                const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
                const fresh = doc.getElementById('batch-progress');
                if (fresh) {
                    for (const id of ['batch-status', 'batch-details']) {
                        const here = document.getElementById(id);
                        const there = doc.getElementById(id);
                        if (here && there) here.innerHTML = there.innerHTML;
                    }
                    section.dataset.done = fresh.dataset.done;
                    // The new table's box may scroll: make it reachable by keyboard again (site.js).
                    if (window.esrScrollRegions) window.esrScrollRegions();
                }
            }
        } catch (e) { /* try again at the next tick */ }
        if (section.dataset.done !== 'true') setTimeout(refresh, 2000);
    }
    setTimeout(refresh, 2000);
})();
