// Clicking a field (a.src with data-span="start,length") marks the text it came from in pre#source and
// scrolls that pane to it; clicking a task's mark in the text scrolls to the task. No framework, no CDN.
(() => {
    const source = document.getElementById('source');
    if (!source) return;
    const clear = () => {
        source.querySelectorAll('mark.focus').forEach(m => m.replaceWith(...m.childNodes));
        source.normalize();
        document.querySelectorAll('a.src.on').forEach(a => a.classList.remove('on'));
    };
    const show = (start, length) => {
        const end = start + length;
        const walker = document.createTreeWalker(source, NodeFilter.SHOW_TEXT);
        const pieces = [];
        let at = 0;
        for (let node = walker.nextNode(); node && at < end; node = walker.nextNode()) {
            const from = Math.max(start, at), to = Math.min(end, at + node.data.length);
            if (from < to) pieces.push([node, from - at, to - at]);
            at += node.data.length;
        }
        let first = null;
        for (const [node, from, to] of pieces) {
            const range = document.createRange();
            range.setStart(node, from);
            range.setEnd(node, to);
            const mark = document.createElement('mark');
            mark.className = 'focus';
            range.surroundContents(mark);
            first = first || mark;
        }
        if (first) source.scrollTop += first.getBoundingClientRect().top - source.getBoundingClientRect().top - 40;
        return first;
    };
    document.addEventListener('click', e => {
        const link = e.target.closest('a.src[data-span]');
        if (link) {
            e.preventDefault();
            clear();
            const [start, length] = link.dataset.span.split(',').map(Number);
            if (show(start, length)) link.classList.add('on');
            const pane = source.getBoundingClientRect();
            if (pane.bottom < 0 || pane.top > window.innerHeight) source.scrollIntoView({ block: 'nearest' });
            return;
        }
        const mark = e.target.closest('pre.source mark[id]');
        if (mark) {
            const task = document.querySelector(`[data-mark="${mark.id}"]`);
            if (task) task.scrollIntoView({ behavior: 'smooth', block: 'start' });
        }
    });
})();
