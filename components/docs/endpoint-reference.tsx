// The endpoint reference of the API docs, rendered from the OpenAPI document (lib/api/openapi.ts), so
// the docs list exactly the endpoints, scopes and request fields the code validates.
interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  default?: unknown;
}

interface Operation {
  summary: string;
  'x-required-scope': string;
  requestBody?: { content: { 'application/json': { schema: { $ref: string } } } };
  responses: Record<string, { description: string }>;
}

export interface ReferenceDocument {
  paths: Record<string, Record<string, Operation | unknown>>;
  components: { schemas: Record<string, JsonSchema> };
}

const METHODS = ['get', 'post', 'patch', 'delete'] as const;

function typeOf(schema: JsonSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(typeOf).join(' or ');
  if (schema.type === 'array' && schema.items) return `array of ${typeOf(schema.items)}`;
  return Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'object');
}

function Fields({ schema }: { schema: JsonSchema }) {
  const variants = schema.oneOf ?? schema.anyOf;
  if (!schema.properties && variants) {
    return (
      <>
        {variants.map((variant, index) => (
          <div key={index}>
            <p className="mt-2 text-sm font-medium">{index === 0 ? 'Either' : 'or'}</p>
            <Fields schema={variant} />
          </div>
        ))}
      </>
    );
  }
  return (
    <ul>
      {Object.entries(schema.properties ?? {}).map(([name, field]) => (
        <li key={name}>
          <code>{name}</code> ({typeOf(field)}
          {schema.required?.includes(name) ? ', required' : ''}
          {field.default !== undefined ? `, default ${JSON.stringify(field.default)}` : ''})
          {field.description ? `: ${field.description}` : ''}
        </li>
      ))}
    </ul>
  );
}

export function EndpointReference({ document }: { document: ReferenceDocument }) {
  return (
    <>
      {Object.entries(document.paths).flatMap(([path, item]) =>
        METHODS.filter((method) => item[method]).map((method) => {
          const operation = item[method] as Operation;
          const ref = operation.requestBody?.content['application/json'].schema.$ref.split('/').pop();
          const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
          return (
            <section key={`${method} ${path}`} aria-label={`${method.toUpperCase()} ${path}`}>
              <h3>
                <code>
                  {method.toUpperCase()} {path}
                </code>
              </h3>
              <p>
                {operation.summary}. Scope: <code>{operation['x-required-scope']}</code>.
                {success ? ` Answers ${success[0]}: ${success[1].description}` : ''}
              </p>
              {ref ? <Fields schema={document.components.schemas[ref]!} /> : null}
            </section>
          );
        }),
      )}
    </>
  );
}
