import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { Providers } from '../app/providers.js';
import '../i18n/index.js';

// Test helpers for components: render inside the real providers, fake the API, find things as a person would.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  root: Root;
  unmount: () => void;
}

export async function render(
  ui: ReactNode,
  options: { route?: string; queryClient?: QueryClient } = {},
): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  const queryClient = options.queryClient ?? new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await act(async () => {
    root.render(
      <Providers queryClient={queryClient}>
        <MemoryRouter initialEntries={[options.route ?? '/']}>{ui}</MemoryRouter>
      </Providers>,
    );
  });
  return {
    container,
    root,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

export interface FakeResponse {
  status: number;
  body?: unknown;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Replaces fetch with a table of `METHOD /path` → response (or a function of the request).
 * Unknown routes answer 404 so a test fails loudly rather than hangs.
 */
export function fakeApi(routes: Record<string, FakeResponse | ((request: RecordedRequest) => FakeResponse)>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    const request: RecordedRequest = {
      method,
      url,
      headers: { ...(init.headers as Record<string, string> | undefined) },
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    requests.push(request);
    const path = url.split('?')[0] ?? url;
    const route = routes[`${method} ${path}`];
    const answer =
      typeof route === 'function'
        ? route(request)
        : (route ?? { status: 404, body: { code: 'NOT_FOUND', message: 'no route' } });
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}

/** Polls until `check` stops throwing, letting React and timers run in between. */
export async function waitFor<T>(check: () => T, timeout = 3000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() - started > timeout) throw error;
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
      });
    }
  }
}

/** The form control a visible label points at. */
export function getByLabel(text: string, scope: ParentNode = document): HTMLInputElement {
  const label = [...scope.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  const id = label?.getAttribute('for');
  const control = id ? document.getElementById(id) : null;
  if (!control) throw new Error(`no control labelled ${text}`);
  return control as HTMLInputElement;
}

export function getButton(name: string, scope: ParentNode = document): HTMLButtonElement {
  const button = [...scope.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.replace(/\s+/g, '')) === name,
  );
  if (!button) throw new Error(`no button named ${name}`);
  return button;
}

/** Types into a React-controlled input the way a browser would. */
export async function type(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input) as object, 'value')?.set;
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    element.click();
  });
}
