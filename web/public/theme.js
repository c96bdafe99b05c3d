// The remembered theme applies before the first paint (no flash of the other theme). A file, not
// an inline script, so that the Content-Security-Policy allows scripts from 'self' only.
try {
  const theme = localStorage.getItem('atelier-theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {}
