// The parts of RFC 9116 a security.txt must satisfy, as a checker returning readable problems.
// Used by the unit test on the generator and by the e2e test on the served file.
const KNOWN_FIELDS = [
  'Acknowledgments',
  'Canonical',
  'Contact',
  'Encryption',
  'Expires',
  'Hiring',
  'Policy',
  'Preferred-Languages',
];
const ONCE = ['Expires', 'Preferred-Languages'];
const URI_FIELDS = ['Acknowledgments', 'Canonical', 'Contact', 'Encryption', 'Hiring', 'Policy'];

export function securityTxtProblems(text: string, now: Date): string[] {
  const problems: string[] = [];
  const fields = new Map<string, string[]>();
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Za-z0-9-]+): (\S.*)$/.exec(line);
    if (!match) {
      problems.push(`line ${index + 1} is neither a comment nor "Field: value"`);
      continue;
    }
    const [, name, value] = match as unknown as [string, string, string];
    const known = KNOWN_FIELDS.find((field) => field.toLowerCase() === name.toLowerCase());
    if (!known) problems.push(`unknown field ${name}`);
    else fields.set(known, [...(fields.get(known) ?? []), value]);
  }
  if (!fields.get('Contact')?.length) problems.push('Contact is required (RFC 9116 §2.5.3)');
  if (!fields.get('Expires')?.length) problems.push('Expires is required (RFC 9116 §2.5.5)');
  for (const name of ONCE) if ((fields.get(name)?.length ?? 0) > 1) problems.push(`${name} must appear once`);
  for (const name of URI_FIELDS) {
    for (const value of fields.get(name) ?? []) {
      let url: URL | null = null;
      try {
        url = new URL(value);
      } catch {
        problems.push(`${name} is not a URI: ${value}`);
        continue;
      }
      const allowed = name === 'Contact' ? ['mailto:', 'https:', 'tel:'] : ['https:'];
      // Web URIs must be https (§2.5); a development server on http is only tolerated for Canonical/Policy there.
      if (!allowed.includes(url.protocol) && !(url.protocol === 'http:' && url.hostname === 'localhost')) {
        problems.push(`${name} must use ${allowed.join(' or ')}: ${value}`);
      }
    }
  }
  const expires = fields.get('Expires')?.[0];
  if (expires) {
    const at = Date.parse(expires);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(expires) || Number.isNaN(at)) {
      problems.push(`Expires is not an RFC 3339 date-time: ${expires}`);
    } else if (at <= now.getTime()) problems.push('Expires is in the past');
    else if (at > now.getTime() + 366 * 86_400_000) problems.push('Expires is more than a year away (§2.5.5)');
  }
  for (const tag of (fields.get('Preferred-Languages')?.[0] ?? 'en').split(',')) {
    if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag.trim())) problems.push(`not a language tag: ${tag}`);
  }
  return problems;
}

/** The values of one field, for assertions. */
export function securityTxtField(text: string, name: string): string[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}: `))
    .map((line) => line.slice(name.length + 2));
}
