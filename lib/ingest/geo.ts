// Country (and, when a site asks for it, region and city) from an IP address with geoip-lite's
// bundled database. The lookup happens in memory; the address is not kept.
import geoip from 'geoip-lite';

export interface Place {
  country: string | null;
  region: string | null;
  city: string | null;
}

export function locate(ip: string, cityLevel: boolean): Place {
  const found = geoip.lookup(ip);
  if (!found || !found.country) return { country: null, region: null, city: null };
  return {
    country: found.country,
    region: cityLevel && found.region ? `${found.country}-${found.region}` : null,
    city: cityLevel && found.city ? found.city : null,
  };
}
