// Browser, OS and device class from a User-Agent string (ua-parser-js 1.x, MIT). Only these coarse
// values are kept: major browser version, OS version to its first component, device type.
import { UAParser } from 'ua-parser-js';

export interface DeviceInfo {
  browser: string | null;
  browserVersion: string | null;
  os: string | null;
  osVersion: string | null;
  device: 'desktop' | 'mobile' | 'tablet' | 'other';
}

export function parseUserAgent(userAgent: string): DeviceInfo {
  // Only the three parts we keep: getResult() would also run the engine and CPU rule sets.
  const parser = new UAParser(userAgent);
  const browser = parser.getBrowser();
  const os = parser.getOS();
  const type = parser.getDevice().type;
  const device = !type ? 'desktop' : type === 'mobile' || type === 'tablet' ? type : 'other';
  return {
    browser: browser.name ?? null,
    browserVersion: browser.major ?? null,
    os: os.name ?? null,
    osVersion: os.version?.split('.')[0] ?? null,
    device,
  };
}

/** Viewport width class; the width itself is not stored. */
export function screenClass(width: number | undefined): string | null {
  if (width === undefined || width === 0) return null;
  if (width < 576) return 'mobile';
  if (width < 992) return 'tablet';
  if (width < 1440) return 'laptop';
  return 'desktop';
}
