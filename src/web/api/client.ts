import { practicePath } from '../features/guides/practice-mode';

/** Problem details as the server sends them (RFC 9457, application/problem+json). */
export interface ProblemFieldError {
  path: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  errors?: ProblemFieldError[];
  requestId?: string;
}

/** Codes the client itself produces when no problem+json came back. */
export const CLIENT_PROBLEM_CODES = ['NETWORK_ERROR', 'HTTP_ERROR'] as const;

/** A failed API call: carries the server's problem+json, or a client-side stand-in for it. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors: ProblemFieldError[];
  readonly requestId?: string;
  readonly type?: string;

  constructor(body: ProblemBody & { status: number; code: string; title: string }) {
    super(body.title);
    this.name = 'ApiProblem';
    this.status = body.status;
    this.code = body.code;
    this.title = body.title;
    this.detail = body.detail;
    this.errors = body.errors ?? [];
    this.requestId = body.requestId;
    this.type = body.type;
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: ApiRequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readProblem(response: Response): Promise<ApiProblem> {
  const contentType = response.headers.get('content-type') ?? '';
  let body: ProblemBody = {};
  if (contentType.includes('json')) {
    try {
      body = (await response.json()) as ProblemBody;
    } catch {
      // A broken error body must not hide the HTTP status: fall through to the generic problem.
      body = {};
    }
  }
  return new ApiProblem({
    ...body,
    status: body.status ?? response.status,
    code: body.code ?? 'HTTP_ERROR',
    title: body.title ?? (response.statusText || `HTTP ${response.status}`),
  });
}

/** Calls the motcua API (same origin, session cookie) and returns the parsed JSON, or throws ApiProblem. */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(practicePath(path), options.query), {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'include',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem({ status: 0, code: 'NETWORK_ERROR', title: 'Không kết nối được máy chủ' });
  }
  if (!response.ok) throw await readProblem(response);
  if (response.status === 204) return undefined as T;
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('json')) return undefined as T;
  return (await response.json()) as T;
}
