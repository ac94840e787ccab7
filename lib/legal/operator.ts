// The operator of this Glance, as the legal pages show it: everything comes from configuration.
import { config, type Config } from '@/lib/config';

export interface Operator {
  name: string;
  address: string;
  email: string;
  representative: string;
  register: string | null;
  vatId: string | null;
  phone: string | null;
  securityContact: string;
  hostingProvider: string;
  emailProvider: string | null;
  appUrl: string;
  /** Variables still showing a development placeholder (the pages say so). */
  placeholders: string[];
}

export function operator(settings: Config = config()): Operator {
  return {
    name: settings.OPERATOR_NAME,
    address: settings.OPERATOR_ADDRESS,
    email: settings.OPERATOR_EMAIL,
    representative: settings.OPERATOR_REPRESENTATIVE,
    register: settings.OPERATOR_REGISTER ?? null,
    vatId: settings.OPERATOR_VAT_ID ?? null,
    phone: settings.OPERATOR_PHONE ?? null,
    securityContact: settings.SECURITY_CONTACT,
    hostingProvider: settings.HOSTING_PROVIDER,
    emailProvider: settings.EMAIL_PROVIDER ?? null,
    appUrl: settings.APP_URL.replace(/\/$/, ''),
    placeholders: settings.operatorPlaceholders,
  };
}

/** mailto: for an email address, the URL itself otherwise. */
export const contactHref = (contact: string) => (contact.startsWith('https://') ? contact : `mailto:${contact}`);
