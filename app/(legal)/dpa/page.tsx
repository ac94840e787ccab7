import type { Metadata } from 'next';
import Link from 'next/link';

import { DataTable } from '@/components/marketing/data-table';
import { LegalPage } from '@/components/marketing/legal-page';
import { operator } from '@/lib/legal/operator';
import { SECURITY_FACTS } from '@/lib/legal/security-facts';
import { subprocessors } from '@/lib/legal/subprocessors';

export const metadata: Metadata = {
  title: 'Data processing agreement',
  description:
    'The GDPR Article 28 agreement under which Glance processes the data of your website visitors on your behalf: scope, instructions, security measures, sub-processors, assistance and deletion.',
};

export default function DpaPage() {
  const op = operator();
  return (
    <LegalPage
      title="Data processing agreement"
      intro={`This agreement applies whenever a customer (the controller) uses Glance to measure a website and, in doing so, ${op.name} (the processor) processes personal data on the customer’s behalf. It is part of the terms of service and needs no separate signature.`}
    >
      <h2 id="scope">1. Subject, duration, nature and purpose</h2>
      <ul>
        <li>
          <strong>Subject and purpose:</strong> producing aggregated website statistics for the controller.
        </li>
        <li>
          <strong>Duration:</strong> as long as the controller has a Glance account, plus the deletion period in section
          8.
        </li>
        <li>
          <strong>Nature:</strong> receiving tracking requests, deriving anonymous and coarse values from them, storing
          those values and computing statistics.
        </li>
      </ul>

      <h2 id="data">2. Data subjects and types of data</h2>
      <ul>
        <li>
          <strong>Data subjects:</strong> visitors of the controller’s websites.
        </li>
        <li>
          <strong>Processed transiently, in memory only:</strong> IP address and User-Agent string.
        </li>
        <li>
          <strong>Stored:</strong> a visitor id that is pseudonymous for one day and anonymous afterwards, page path,
          referring domain, UTM tags, country (region and city if the controller enables them), browser, operating
          system, device class, screen class, and event names, properties and revenue the controller chooses to send.
          Every field is listed in the <Link href="/data-policy">data policy</Link>.
        </li>
      </ul>

      <h2 id="instructions">3. Instructions</h2>
      <p>
        The processor processes the data only on the controller’s documented instructions: these terms, the settings the
        controller chooses in Glance, and further written instructions. It informs the controller if it believes an
        instruction infringes data protection law. It does not use the data for its own purposes.
      </p>

      <h2 id="confidentiality">4. Confidentiality</h2>
      <p>Everyone at the processor with access to the data is bound to confidentiality.</p>

      <h2 id="measures">5. Technical and organisational measures</h2>
      <p>
        The processor maintains the measures described on the <Link href="/security">security page</Link>, in
        particular:
      </p>
      <ul>
        {SECURITY_FACTS.map((fact) => (
          <li key={fact.id}>
            <strong>{fact.title}:</strong> {fact.points[0]}
          </li>
        ))}
      </ul>
      <p>The processor may improve these measures; it will not lower the overall level of protection.</p>

      <h2 id="subprocessors">6. Sub-processors</h2>
      <p>
        The controller authorises the sub-processors below. The processor binds each of them to obligations equivalent
        to this agreement, announces a new or replaced sub-processor at least 30 days in advance by email, and the
        controller may object on reasonable data protection grounds; if no solution is found, the controller may
        terminate the affected service.
      </p>
      <DataTable
        caption="Authorised sub-processors"
        columns={['Company', 'What for', 'Receives visitor data']}
        rows={subprocessors(op).map((entry) => [entry.name, entry.purpose, entry.visitorData ? 'Yes' : 'No'])}
      />

      <h2 id="assistance">7. Assistance, breaches and audits</h2>
      <ul>
        <li>
          The processor helps the controller answer data subjects’ requests and meet its obligations under GDPR Articles
          32 to 36, as far as the nature of the processing allows.
        </li>
        <li>
          It notifies the controller without undue delay, and within 48 hours of becoming aware, of a personal data
          breach affecting the controller’s data, with the information the controller needs to assess it.
        </li>
        <li>
          It makes available the information needed to demonstrate compliance and allows audits by the controller or an
          auditor it mandates, with reasonable notice and without disclosing other customers’ data.
        </li>
      </ul>

      <h2 id="deletion">8. Deletion at the end</h2>
      <p>
        When the account ends, the processor deletes the controller’s data within 30 days unless law requires it to be
        kept. The controller can read and export its statistics until then.
      </p>

      <h2 id="transfers">9. Transfers</h2>
      <p>
        Data is transferred outside the European Economic Area only as described for the sub-processors above, and only
        on the basis of an adequacy decision or the EU Standard Contractual Clauses.
      </p>

      <h2 id="contact">10. Contact</h2>
      <p>
        {op.name}, {op.address}. <a href={`mailto:${op.email}`}>{op.email}</a>
      </p>
    </LegalPage>
  );
}
