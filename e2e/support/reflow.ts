import type { Page } from 'playwright-core';

/**
 * What keeps a narrow or zoomed page from being read and used without scrolling sideways
 * (WCAG 1.4.10 Reflow, 1.4.4 Resize text): the page itself scrolls sideways; the h1 is not in
 * the window; or a control of the header or the main region lies outside the window or is cut off
 * by a box that hides what overflows. A control inside a box that scrolls sideways on its own (a
 * wide table in its scrolling frame, which WCAG allows) counts as reachable when that box fits.
 */
export function findReflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const windowWidth = root.clientWidth;
    const describe = (element: Element) => {
      const name = element.getAttribute('aria-label') ?? (element as HTMLElement).innerText?.trim().slice(0, 40) ?? '';
      const classes = [...element.classList].slice(0, 2).join('.');
      return `<${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''}> 「${name}」`;
    };
    if (root.scrollWidth > windowWidth + 1) {
      // Name the widest things, so the message says where to look.
      const wide = [...document.body.querySelectorAll('*')]
        .filter((element) => element.getBoundingClientRect().right > windowWidth + 1)
        .filter(
          (element) => !element.parentElement || element.parentElement.getBoundingClientRect().right <= windowWidth + 1,
        )
        .slice(0, 5)
        .map(describe);
      problems.push(`the page is ${root.scrollWidth} px wide in a ${windowWidth} px window: ${wide.join(', ')}`);
    }
    const heading = document.querySelector('h1');
    const headingBox = heading?.getBoundingClientRect();
    if (!heading || !headingBox || headingBox.width === 0) problems.push('no h1 is shown');
    else if (headingBox.left < -1 || headingBox.right > windowWidth + 1) problems.push('the h1 runs out of the window');

    const scrollsSideways = (element: Element) => {
      const style = getComputedStyle(element);
      return (style.overflowX === 'auto' || style.overflowX === 'scroll') && element.scrollWidth > element.clientWidth;
    };
    const hidesOverflow = (element: Element) => {
      const style = getComputedStyle(element);
      return style.overflowX === 'hidden' || style.overflowX === 'clip';
    };
    const controls = document.querySelectorAll(
      [
        'a[href]',
        'button',
        'input:not([type="hidden"])',
        'select',
        'textarea',
        'summary',
        '[tabindex]:not([tabindex="-1"])',
      ]
        .flatMap((selector) => [`header ${selector}`, `main ${selector}`])
        .join(', '),
    );
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      // Not shown, or hidden for sight only (a radio drawn by its label, a skip link).
      if (box.width <= 1 || box.height <= 1 || getComputedStyle(control).visibility === 'hidden') continue;
      let limit = { left: 0, right: windowWidth };
      for (
        let ancestor = control.parentElement;
        ancestor && ancestor !== document.body;
        ancestor = ancestor.parentElement
      ) {
        if (scrollsSideways(ancestor)) {
          const frame = ancestor.getBoundingClientRect();
          if (frame.left < -1 || frame.right > windowWidth + 1) {
            problems.push(`${describe(control)} is in a scrolling box wider than the window`);
          }
          limit = { left: -Infinity, right: Infinity };
          break;
        }
        if (hidesOverflow(ancestor)) {
          const frame = ancestor.getBoundingClientRect();
          if (box.left < frame.left - 1 || box.right > frame.right + 1) {
            problems.push(`${describe(control)} is cut off by ${describe(ancestor)}`);
            limit = { left: -Infinity, right: Infinity };
            break;
          }
        }
      }
      if (box.left < limit.left - 1 || box.right > limit.right + 1) {
        problems.push(
          `${describe(control)} lies outside the window (${Math.round(box.left)}–${Math.round(box.right)} px)`,
        );
      }
    }
    return [...new Set(problems)];
  });
}
