import type { AxiosError, AxiosInstance } from "axios"

/**
 * An HTTP error a jest worker can report: axios errors hold sockets and
 * circular references that break the worker's IPC and hide the failure.
 */
export class HttpError extends Error {
  response: { status: number; data: unknown }

  constructor(error: AxiosError) {
    const status = error.response?.status ?? 0
    const data = error.response?.data
    super(
      `${error.config?.method?.toUpperCase()} ${error.config?.url} answered ${status}: ${JSON.stringify(data)}`
    )
    this.name = "HttpError"
    this.response = { status, data }
  }
}

/** Call in a `beforeAll` of the suite, once the runner's `api` exists. */
export function useReadableHttpErrors(api: AxiosInstance) {
  api.interceptors.response.use(
    (response) => response,
    (error: AxiosError) => Promise.reject(error.isAxiosError ? new HttpError(error) : error)
  )
}

/** The status and body of a request that is expected to fail. */
export async function failedRequest(
  request: Promise<unknown>
): Promise<{ status: number; data: any }> {
  try {
    await request
  } catch (error) {
    if (error instanceof HttpError) {
      return error.response as { status: number; data: any }
    }
    throw error
  }
  throw new Error("Expected the request to fail, but it succeeded")
}
