import { BASE_SECURITY_HEADERS, contentSecurityPolicy } from '@/lib/http/security-headers';

import { DataTable } from './data-table';

const NONCE_PLACEHOLDER = 'RANDOM-PER-RESPONSE';

/** The headers as lib/http/security-headers.ts sends them in production (the e2e test compares). */
export function SecurityHeadersTable() {
  const csp = contentSecurityPolicy(NONCE_PLACEHOLDER, { dev: false, https: true });
  const rows: [string, string][] = [['Content-Security-Policy', csp], ...Object.entries(BASE_SECURITY_HEADERS)];
  return (
    <DataTable
      caption="Security headers sent by Glance"
      columns={['Header', 'Value']}
      rows={rows.map(([name, value]) => [
        <code key={name} data-header-name={name}>
          {name}
        </code>,
        <code key={value} data-header-value={name} className="break-all whitespace-normal">
          {value}
        </code>,
      ])}
    />
  );
}
