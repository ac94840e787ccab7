'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import type { ChartMetric } from '@/lib/stats/dashboard-view';
import type { Granularity } from '@/lib/stats/query/schema';

import { formatMetric, METRIC_LABELS } from './format';

export interface ChartPoint {
  bucket: string;
  current: number;
  previous: number | null;
  previousBucket: string | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Buckets are local times written as text (2026-11-20 or 2026-11-20T14:00): format them as text, no zone maths. */
export function bucketLabel(bucket: string, granularity: Granularity): string {
  const [date, time] = bucket.split('T') as [string, string | undefined];
  const [year, month, day] = date.split('-');
  const monthName = MONTHS[Number(month) - 1];
  if (granularity === 'month') return `${monthName} ${year}`;
  if (granularity === 'hour' || granularity === 'minute') return time ?? date;
  return `${monthName} ${Number(day)}`;
}

/** The selected metric over time, with the previous period as a dashed line. */
export function MainChart({
  metric,
  granularity,
  points,
  summary,
}: {
  metric: ChartMetric;
  granularity: Granularity;
  points: ChartPoint[];
  summary: string;
}) {
  const format = (value: number) => formatMetric(metric, value);
  return (
    <div role="img" aria-label={summary} className="mt-4 h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--color-slate-200)" vertical={false} />
          <XAxis
            dataKey="bucket"
            tickFormatter={(bucket: string) => bucketLabel(bucket, granularity)}
            tick={{ fill: 'var(--color-slate-600)', fontSize: 12 }}
            tickLine={false}
            axisLine={false}
            minTickGap={24}
          />
          <YAxis
            tickFormatter={format}
            tick={{ fill: 'var(--color-slate-600)', fontSize: 12 }}
            tickLine={false}
            axisLine={false}
            width={56}
            allowDecimals={metric === 'views_per_visit'}
          />
          <Tooltip
            formatter={(value, name) => [
              format(Number(value)),
              name === 'previous' ? 'Previous period' : METRIC_LABELS[metric],
            ]}
            labelFormatter={(bucket) => bucketLabel(String(bucket), granularity)}
            contentStyle={{
              borderRadius: 12,
              borderColor: 'var(--color-slate-200)',
              backgroundColor: 'var(--color-white)',
            }}
          />
          <Line
            type="monotone"
            dataKey="previous"
            stroke="var(--color-slate-400)"
            strokeDasharray="4 4"
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="current"
            stroke="var(--color-brand-600)"
            strokeWidth={2.5}
            dot={false}
            activeDot={{ r: 4 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
