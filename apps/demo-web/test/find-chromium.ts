export { CHROMIUM, findChromium, type ChromiumLookup } from '@oauth-ro/test-kit';
