// Goes to every slide of the open reveal.js deck in turn and returns what does not fit at this
// window size: slides taller than the window, <pre> blocks (code, outputs) whose lines are cut off
// at the side, and slides whose prose still shows TeX. Works with a global Reveal or with one
// loaded through require.js (nbconvert's own template), so older decks can be measured too.
async () => {
  let R = window.Reveal;
  if (!R || !R.slide) {
    const css = document.querySelector('link[href$="dist/reveal.css"]').getAttribute('href');
    R = await new Promise(ok => require([css.replace(/reveal\.css$/, 'reveal.js')], ok));
  }
  while (!R.isReady()) await new Promise(ok => setTimeout(ok, 50));
  if (window.MathJax && MathJax.startup) await MathJax.startup.promise;
  else if (window.MathJax && MathJax.Hub) await new Promise(ok => MathJax.Hub.Queue(ok));
  R.configure({transition: 'none', backgroundTransition: 'none'});
  const ctx = document.createElement('canvas').getContext('2d');
  const found = {slides: 0, tall: [], cut: [], cutLines: 0, rawTex: []};
  const tops = [...document.querySelectorAll('.reveal .slides > section')];
  for (let h = 0; h < tops.length; h++) {
    const subs = [...tops[h].querySelectorAll(':scope > section')];
    const list = subs.length ? subs : [tops[h]];
    for (let v = 0; v < list.length; v++) {
      R.slide(h, v);  // with no transition, reading the sizes below lays the slide out at once
      const slide = list[v], scale = R.getScale(), name = `${h + 1}.${v + 1}`;
      found.slides += 1;
      const height = Math.round(slide.scrollHeight * scale);
      if (height > innerHeight + 1) found.tall.push(`${name} (${height} px)`);
      let lines = 0;
      for (const pre of slide.querySelectorAll('pre')) {
        if (pre.closest('aside.notes')) continue;
        const box = pre.getBoundingClientRect(), style = getComputedStyle(pre);
        const inner = pre.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const visible = Math.min(inner, (innerWidth - box.left) / scale - parseFloat(style.paddingLeft));
        if (pre.scrollWidth <= pre.clientWidth + 1 && box.right <= innerWidth + 1 && box.left >= -1) continue;
        ctx.font = style.font;
        const wraps = style.whiteSpace.startsWith('pre-wrap') || style.whiteSpace === 'break-spaces';
        const long = pre.textContent.split('\n').filter(line => ctx.measureText(line).width > visible + 1);
        lines += wraps && pre.scrollWidth <= pre.clientWidth + 1 ? 0 : Math.max(long.length, 1);
      }
      if (lines) { found.cut.push(`${name} (${lines} lines)`); found.cutLines += lines; }
      const prose = [...slide.querySelectorAll('p, li, td, th, h1, h2, h3')]
        .filter(e => !e.closest('pre, code, aside.notes')).map(e => e.textContent).join(' ');
      if (/\$[^$\s][^$]*\$|\\\(|\\\[/.test(prose)) found.rawTex.push(name);
    }
  }
  return found;
}
