// Reads .env.example, the documented list of every configuration variable, so the self-hosting
// guide shows exactly what the app reads (lib/config.test.ts keeps the file complete).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EnvVariable {
  name: string;
  /** The example or default value shown in the file ('' when none). */
  example: string;
  /** False when the line is commented out: optional, or required only in production. */
  setByDefault: boolean;
  description: string;
}

export function parseEnvExample(text: string): EnvVariable[] {
  const variables: EnvVariable[] = [];
  let comments: string[] = [];
  for (const line of text.split('\n')) {
    const variable = /^(#\s?)?([A-Z][A-Z0-9_]+)=(.*)$/.exec(line);
    if (variable) {
      variables.push({
        name: variable[2]!,
        example: variable[3]!.trim(),
        setByDefault: !variable[1],
        description: comments.join(' '),
      });
      comments = [];
    } else if (line.startsWith('#')) {
      const text = line.replace(/^#\s?/, '').trim();
      // Section rulers and blank comment lines separate blocks rather than describe a variable.
      if (text && !/^[─-]/.test(text)) comments.push(text);
    } else {
      comments = [];
    }
  }
  return variables;
}

let cached: EnvVariable[] | undefined;

export function envVariables(): EnvVariable[] {
  cached ??= parseEnvExample(readFileSync(join(process.cwd(), '.env.example'), 'utf8'));
  return cached;
}
