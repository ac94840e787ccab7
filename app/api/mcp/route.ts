// The MCP server over Streamable HTTP (stateless), authenticated with an API token (lib/api/mcp-server.ts).
import { defaultApiDeps } from '@/lib/api/endpoint';
import { handleMcpRequest } from '@/lib/api/mcp-server';

export const dynamic = 'force-dynamic';

const handle = (request: Request) => handleMcpRequest(request, defaultApiDeps());

export { handle as POST, handle as GET, handle as DELETE };
