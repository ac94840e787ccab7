import { ImageResponse } from 'next/og';

export const alt = 'Glance: privacy-first web analytics without cookies';
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';

// The picture shown when a Glance page is shared: word mark, promise, and a stylised chart.
export default function OpenGraphImage() {
  const bars = [38, 52, 47, 61, 58, 72, 66, 80, 77, 92, 86, 100];
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: 72,
        background: 'linear-gradient(135deg, #eef6ff 0%, #ffffff 55%, #d9eaff 100%)',
        color: '#0f172a',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 20 }}>
        <div
          style={{
            width: 72,
            height: 72,
            borderRadius: 18,
            background: '#1f57d6',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: 'white',
            fontSize: 44,
            fontWeight: 700,
          }}
        >
          G
        </div>
        <div style={{ fontSize: 48, fontWeight: 700 }}>Glance</div>
      </div>
      <div style={{ display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between', gap: 48 }}>
        <div style={{ display: 'flex', flexDirection: 'column', maxWidth: 640 }}>
          <div style={{ fontSize: 64, fontWeight: 700, lineHeight: 1.1 }}>Web analytics without cookies</div>
          <div style={{ fontSize: 30, color: '#334155', marginTop: 24 }}>
            No personal data. No banners. Numbers you can trust.
          </div>
        </div>
        <div style={{ display: 'flex', alignItems: 'flex-end', gap: 10, height: 260 }}>
          {bars.map((height, index) => (
            <div
              key={index}
              style={{
                width: 26,
                height: `${height}%`,
                borderRadius: 6,
                background: index === 11 ? '#1f57d6' : '#2f6fed99',
              }}
            />
          ))}
        </div>
      </div>
    </div>,
    size,
  );
}
