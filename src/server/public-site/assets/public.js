// 朗读本节 (read aloud) with the Web Speech API. The buttons are rendered hidden and shown only where the API exists.
(() => {
  const synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== 'function') return;
  const lang = document.documentElement.lang === 'zh-Hant' ? 'zh-TW' : 'zh-CN';
  const slow = document.body.classList.contains('elder');
  const stop = document.querySelector('.speak-stop');
  let current = null;

  // The section's words as read: no pinyin annotations, buttons or charts.
  const textOf = (el) => {
    const copy = el.cloneNode(true);
    for (const n of copy.querySelectorAll('rt,rp,button,svg,progress,[aria-hidden="true"]')) n.remove();
    return copy.textContent.replace(/\s+/g, ' ').trim();
  };

  const reset = () => {
    if (current) current.setAttribute('aria-pressed', 'false');
    current = null;
    if (stop) stop.hidden = true;
  };

  const speak = (button, text) => {
    synth.cancel();
    reset();
    // Long utterances stall in some browsers: one per sentence.
    const parts = text.match(/[^。！？；!?;]+[。！？；!?;]?/g) || [text];
    parts.forEach((part, i) => {
      const u = new SpeechSynthesisUtterance(part);
      u.lang = lang;
      u.rate = slow ? 0.8 : 1;
      if (i === parts.length - 1) u.onend = reset;
      u.onerror = reset;
      synth.speak(u);
    });
    current = button;
    button.setAttribute('aria-pressed', 'true');
    if (stop) stop.hidden = false;
  };

  for (const button of document.querySelectorAll('button.speak')) {
    button.hidden = false;
    button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', () => {
      if (current === button) {
        synth.cancel();
        reset();
        return;
      }
      const target = document.getElementById(button.getAttribute('data-target') || '');
      if (target) speak(button, textOf(target));
    });
  }

  if (stop) {
    stop.addEventListener('click', () => {
      const back = current;
      synth.cancel();
      reset();
      if (back) back.focus();
    });
  }
  window.addEventListener('pagehide', () => synth.cancel());
})();
